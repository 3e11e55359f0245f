import { z } from 'zod';
import { common, kebab, markdown } from '../kind';

export const OrderingSchema = z.strictObject({
  ...common,
  type: z.literal('ordering'),
  /** In the right order. Students see them shuffled, never in this order. */
  items: z
    .array(z.strictObject({ id: kebab, text: markdown }))
    .min(3)
    .max(6),
  /** Shown after grading when the order is not entirely right. */
  feedback: z.string().min(1).optional(),
});

export type OrderingQuestion = z.infer<typeof OrderingSchema>;
