import { z } from 'zod';

export const StartRegradeSchema = z.object({
  courseId: z.uuid(),
  exerciseId: z.string().min(1, 'Choose an exercise.').max(200),
  // The form's "All students" option sends an empty value.
  userId: z.union([z.literal(''), z.uuid()]).transform((value) => value || undefined),
});

export const DecideRegradeSchema = z.object({
  courseId: z.uuid(),
  runId: z.uuid(),
  decision: z.enum(['accept', 'discard']),
});
