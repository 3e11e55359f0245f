import { createGrader, type GradeInput, type Grader } from './grader';
import type { GradeReport } from './report';

export type { GradeInput } from './grader';

let shared: Grader | undefined;

/** Grades one submission with the process-wide grader (shared engine, cached reference outputs). */
export function gradeSubmission(input: GradeInput): Promise<GradeReport> {
  shared ??= createGrader();
  return shared.grade(input);
}
