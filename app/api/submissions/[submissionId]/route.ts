import { getOptionalUser } from '@/app/_lib/authz';
import { selectOwnSubmission } from '@/db/queries/submissions';
import type { PublicSubmission } from '../submission.shared';

/** Status and report of one's own submission; polled by the exercise page until it is final. */
export async function GET(_request: Request, ctx: { params: Promise<{ submissionId: string }> }) {
  const { submissionId } = await ctx.params;
  const user = await getOptionalUser();
  if (!user) return Response.json({ error: 'You were signed out; sign in again.' }, { status: 401 });
  const row = await selectOwnSubmission(user.id, submissionId);
  if (!row) return Response.json({ error: 'No such submission.' }, { status: 404 });
  const body: PublicSubmission = {
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
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
}

// To the second: how long grading took must not tell the student, to the millisecond, how long the
// hidden cases ran (graders/README.md, "What time can carry").
function toWholeSecond(at: Date): string {
  return new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
}
