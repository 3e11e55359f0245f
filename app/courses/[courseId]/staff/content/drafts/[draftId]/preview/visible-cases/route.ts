import type { NextRequest } from 'next/server';
import { getOptionalUser } from '@/app/_lib/authz';
import type { VisibleCasesResponse } from '@/app/_components/exercise/run.shared';
import { isRefusal } from '@/db/queries/errors';
import { visibleCasesFor } from '@/app/courses/[courseId]/items/[itemId]/visible-cases/visible-cases.server';
import { selectAuthoringDraft } from '@/db/queries/authoring';
import { draftExercise } from '../draft-exercise.server';

/** The visible cases of a draft, for Run in the staff preview; computed in a sandbox child process. */
export async function GET(_request: NextRequest, ctx: { params: Promise<{ courseId: string; draftId: string }> }) {
  const { courseId, draftId } = await ctx.params;
  const user = await getOptionalUser();
  if (!user) return Response.json({ error: 'Sign in again to run the tests.' }, { status: 401 });
  const draft = await selectAuthoringDraft(user.id, courseId, draftId).catch((error: unknown) => {
    if (isRefusal(error, 'forbidden')) return null;
    throw error;
  });
  if (draft?.kind !== 'exercise') return Response.json({ error: 'No such draft in your courses.' }, { status: 404 });
  const loaded = draftExercise(draft);
  if ('error' in loaded) return Response.json({ error: `The draft is not valid: ${loaded.error.message}` }, { status: 422 });
  try {
    const body: VisibleCasesResponse = { versionHash: loaded.exercise.versionHash, cases: await visibleCasesFor(loaded.exercise) };
    return Response.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return Response.json({ error: `The visible tests could not be prepared: ${(error as Error).message}` }, { status: 422 });
  }
}
