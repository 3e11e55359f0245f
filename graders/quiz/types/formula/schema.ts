import { z } from 'zod';
import { ParamsSchema } from '../../params';
import { common } from '../kind';

const identifier = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a variable name (letters, digits, _)');

export const FormulaSchema = z.strictObject({
  ...common,
  type: z.literal('formula'),
  /** mathjs syntax over the variables (and, with `params`, the attempt's numbers). */
  answer: z.string().trim().min(1).max(500),
  /** Per-student numbers, shown in the prompt as {{name}}; the student writes them as numbers, never by name. */
  params: ParamsSchema.optional(),
  /** Variable name → [min, max] range the equivalence check samples from. */
  variables: z
    .record(
      identifier,
      z.tuple([z.number().finite(), z.number().finite()]).refine(([lo, hi]) => lo < hi, 'range must be [min, max] with min < max'),
    )
    .refine((v) => Object.keys(v).length > 0, 'declare at least one variable'),
  feedback: z.string().min(1).optional(),
});

export type FormulaQuestion = z.infer<typeof FormulaSchema>;
