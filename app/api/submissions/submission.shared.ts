import type { GradeReport } from '@/graders/report';
import type { SubmissionStatus } from '@/db/queries/submissions';

// Shared with the browser: no zod here, so the exercise page does not ship a validator it never uses.

export type { SubmissionStatus } from '@/db/queries/submissions';

/** A submission as its author's browser sees it (no drizzle rows cross to the client). */
export type PublicSubmission = {
  id: string;
  attempt: number;
  status: SubmissionStatus;
  isLate: boolean;
  score: number | null;
  createdAt: string;
  gradedAt: string | null;
  /** Set while the item's feedback waits for the due date: score is null and report holds only the visible tests. */
  report: GradeReport | null;
  feedbackHeldUntil: string | null;
};

export function isFinalStatus(status: SubmissionStatus): boolean {
  return status === 'graded' || status === 'error' || status === 'failed';
}
