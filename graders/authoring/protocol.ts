import { z } from 'zod';
import { GradeReportSchema } from '../report';

/** One problem an author can find: which file, which field (if any), what is wrong. */
export const AuthoringProblemSchema = z.object({ file: z.string(), field: z.string(), message: z.string() });
export type AuthoringProblem = z.infer<typeof AuthoringProblemSchema>;

/** What a validation child answers over IPC; parsed again on the host, like a grade report. */
export const ExerciseValidationSchema = z.object({
  problems: z.array(AuthoringProblemSchema),
  versionHash: z.string().nullable(),
  reference: GradeReportSchema.nullable(),
  stub: GradeReportSchema.nullable(),
});
export type ExerciseValidation = z.infer<typeof ExerciseValidationSchema>;

export type ValidationRequest = { files: Record<string, string>; folder: string };

const FILE_PREFIX = /^([\w-]+\.(?:json|md|js)):?\s+(.*)$/s;

/** "tests.js: cases: points add up…" → { file: 'tests.js', field: '', message: 'cases: points add up…' }. */
export function problemFromText(text: string): AuthoringProblem {
  const m = FILE_PREFIX.exec(text);
  return m ? { file: m[1], field: '', message: m[2] } : { file: '', field: '', message: text };
}
