import { z } from 'zod';
import type { AuthoringProblem, ExerciseValidation } from '@/graders/authoring/protocol';

const uuid = z.uuid();
// The files of a draft: a handful of named texts, each bounded (the grader refuses far less).
const files = z.record(z.string().regex(/^[\w.-]{1,40}$/), z.string().max(512 * 1024)).refine((f) => Object.keys(f).length <= 8, 'too many files');

export const DraftFilesSchema = z.object({ courseId: uuid, draftId: uuid, files });
export type DraftFilesInput = z.infer<typeof DraftFilesSchema>;

export const NewContentSchema = z.object({
  courseId: uuid,
  kind: z.enum(['exercise', 'quiz']),
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use kebab-case: a-z, 0-9 and -, e.g. "softplus".'),
  title: z.string().trim().min(1, 'Give the exercise a title.').max(120),
});

export const CopyExerciseSchema = z.object({ courseId: uuid, exerciseId: z.string().min(1).max(100), newId: NewContentSchema.shape.id });
export const EditTargetSchema = z.object({ courseId: uuid, kind: z.enum(['exercise', 'quiz']), targetId: z.string().min(1).max(100) });
export const ImportSchema = z.object({ courseId: uuid, zip: z.instanceof(File).refine((f) => f.size > 0, 'Choose a .zip file.') });

/** What Validate and Publish answer to the editor. */
export type AuthoringOutcome =
  | { kind: 'saved'; at: string }
  | { kind: 'problems'; problems: AuthoringProblem[]; validation?: ExerciseValidation }
  | { kind: 'valid'; validation: ExerciseValidation | null }
  | { kind: 'published'; exerciseId: string; created: boolean; submissionCount: number; validation: ExerciseValidation | null }
  | { kind: 'quiz-published'; quizId: string; created: boolean };

export type ImportState = { problems?: AuthoringProblem[]; formError?: string };
