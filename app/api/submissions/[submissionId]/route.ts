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
    createdAt: row.createdAt.toISOString(),
    gradedAt: row.gradedAt?.toISOString() ?? null,
    report: row.report,
    feedbackHeldUntil: row.feedbackHeldUntil?.toISOString() ?? null,
  };
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
}
