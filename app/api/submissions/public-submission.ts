import type { selectOwnSubmission } from '@/db/queries/submissions';
import type { PublicSubmission } from './submission.shared';

type OwnSubmission = NonNullable<Awaited<ReturnType<typeof selectOwnSubmission>>>;

/** What the author's browser may see of their submission: the one serializer for the poll and the stream. */
export function publicSubmission(row: OwnSubmission): PublicSubmission {
  return {
    id: row.id,
    attempt: row.attempt,
    status: row.status,
    isLate: row.isLate,
    score: row.score,
    createdAt: toWholeSecond(row.createdAt),
    gradedAt: row.gradedAt ? toWholeSecond(row.gradedAt) : null,
    report: row.report,
    feedbackHeldUntil: row.feedbackHeldUntil?.toISOString() ?? null,
  };
}

// To the second: how long grading took must not tell the student, to the millisecond, how long the
// hidden cases ran (graders/README.md, "What time can carry").
function toWholeSecond(at: Date): string {
  return new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
}
