import { z } from 'zod';

const tolerance = { rtol: z.number().min(0).max(1).optional(), atol: z.number().min(0).max(1e3).optional() };

/** One entry of defineTests([...]) as the reference isolate reports it (functions as markers/source). */
// A property case (statistics of samples, a loss that must fall) checks each number of its output
// against bounds instead of against the reference's value: compare.ts checkProperties.
const PropertySchema = z
  .strictObject({ name: z.string().min(1).max(80), min: z.number().optional(), max: z.number().optional() })
  .refine((p) => p.min !== undefined || p.max !== undefined, 'a property needs min, max or both')
  .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, 'min must not exceed max');

export const TestCaseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  name: z.string().min(1).max(120),
  visible: z.boolean(),
  points: z.number().min(0),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  inputs: z.literal('function', { error: 'must be a function ({ tf, rng, fn }) => [...args]' }),
  entry: z.string().optional(),
  // Source of (fns, ...args) => output, run over the student's functions and the reference's.
  run: z.string().optional(),
  compare: z.strictObject({ ...tolerance, properties: z.array(PropertySchema).min(1).max(64).optional() }).optional(),
  grad: z.strictObject({ wrt: z.array(z.number().int().min(0)).min(1), output: z.string().optional(), ...tolerance }).optional(),
  // Hints belong to mistakes now (defineTests's `mistakes`): a hint fixed to a test was shown for
  // every failure of it, whatever the bug. Say so rather than ignore it.
  hint: z.never({ error: 'hints are attached to mistakes, not tests: declare the mistake in defineTests(cases, { mistakes: [...] }) with its message' }).optional(),
});

export type TestCase = z.infer<typeof TestCaseSchema>;

export const DEFAULT_TOLERANCE = { rtol: 1e-4, atol: 1e-5 } as const;
