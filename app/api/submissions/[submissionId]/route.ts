import { getOptionalUser } from '@/app/_lib/authz';
import { selectOwnSubmission } from '@/db/queries/submissions';
import { publicSubmission } from '../public-submission';

/** Status and report of one's own submission; polled by the exercise page when its stream (./events) drops. */
export async function GET(_request: Request, ctx: { params: Promise<{ submissionId: string }> }) {
  const { submissionId } = await ctx.params;
  const user = await getOptionalUser();
  if (!user) return Response.json({ error: 'You were signed out; sign in again.' }, { status: 401 });
  const row = await selectOwnSubmission(user.id, submissionId);
  if (!row) return Response.json({ error: 'No such submission.' }, { status: 404 });
  return Response.json(publicSubmission(row), { headers: { 'Cache-Control': 'no-store' } });
}
