import { z } from 'zod';
import type { GradeReport } from '@/graders/report';

export const SubmitBodySchema = z.object({ itemId: z.uuid(), code: z.string() });

export type SubmissionStatus = 'queued' | 'grading' | 'graded' | 'error' | 'failed';

/** A submission as its author's browser sees it (no drizzle rows cross to the client). */
export type PublicSubmission = {
  id: string;
  attempt: number;
  status: SubmissionStatus;
  isLate: boolean;
  score: number | null;
  createdAt: string;
  gradedAt: string | null;
  report: GradeReport | null;
};

export function isFinalStatus(status: SubmissionStatus): boolean {
  return status === 'graded' || status === 'error' || status === 'failed';
}
