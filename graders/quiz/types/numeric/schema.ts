import { z } from 'zod';
import { ParamsSchema } from '../../params';
import { common } from '../kind';

export const NumericSchema = z
  .strictObject({
    ...common,
    type: z.literal('numeric'),
    /** The number; or, with `params`, an expression over them (the formula language) giving each attempt's number. */
    answer: z.union([z.number().finite(), z.string().trim().min(1).max(500)]),
    /** Per-student numbers, shown in the prompt as {{name}} (graders/quiz/params.ts). */
    params: ParamsSchema.optional(),
    absTol: z.number().min(0).optional(),
    relTol: z.number().min(0).max(1).optional(),
    /** Shown next to the input; students may type it after the number or leave it out. */
    units: z.string().trim().min(1).max(20).optional(),
    feedback: z.string().min(1).optional(),
  })
  // Floating-point answers compared with no tolerance are a content bug waiting for 0.1 + 0.2.
  .refine((q) => q.absTol !== undefined || q.relTol !== undefined, { message: 'give absTol or relTol (or both)', path: ['absTol'] });

export type NumericQuestion = z.infer<typeof NumericSchema>;
