import { z } from 'zod';

const identifier = z.string().regex(/^[A-Za-z_$][\w$]*$/, 'must be a JavaScript identifier');

export const ExerciseMetaSchema = z.strictObject({
  // Stable across renames of the folder or title: submissions and assignments point at it.
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)'),
  title: z.string().min(1).max(120),
  topic: z.string().min(1).max(80),
  difficulty: z.enum(['intro', 'core', 'challenge']),
  points: z.number().positive().max(1000),
  entry: z.array(identifier).min(1).max(8),
  limits: z
    .strictObject({
      timeMsPerTest: z.number().int().min(50).max(30_000).default(2_000),
      timeMsPerJob: z.number().int().min(100).max(120_000).default(10_000),
      memoryMb: z.number().int().min(32).max(1024).default(128),
    })
    .prefault({}),
  hints: z.array(z.string().min(1)).max(3).default([]),
  // Entry functions that return one scalar loss averaged over the batch: only for these does a
  // per-example output mean "average over the batch" (graders/diagnosis/rules.ts).
  scalarLosses: z.array(identifier).max(8).default([]),
  tags: z.array(z.string().min(1)).optional(),
});

export type ExerciseMeta = z.infer<typeof ExerciseMetaSchema>;
