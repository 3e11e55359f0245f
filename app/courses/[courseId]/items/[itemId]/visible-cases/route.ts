import type { NextRequest } from 'next/server';
import { exerciseFromVersion } from '@/graders/content/load';
import { getOptionalUser } from '@/app/_lib/authz';
import type { VisibleCasesResponse } from '@/app/_components/exercise/run.shared';
import { selectExerciseContentForMember } from '@/db/queries/student-items';
import { visibleCasesFor } from './visible-cases.server';

/** Inputs and expected outputs of the visible tests only, for the in-browser Run. */
export async function GET(_request: NextRequest, ctx: { params: Promise<{ courseId: string; itemId: string }> }) {
  const { courseId, itemId } = await ctx.params;
  const user = await getOptionalUser();
  if (!user) return Response.json({ error: 'Sign in again to run the tests.' }, { status: 401 });
  const content = await selectExerciseContentForMember(user.id, itemId);
  if (!content || content.courseId !== courseId) return Response.json({ error: 'No such exercise in your courses.' }, { status: 404 });
  try {
    const exercise = exerciseFromVersion(content);
    const body: VisibleCasesResponse = { versionHash: content.versionHash, cases: await visibleCasesFor(exercise) };
    // Keyed by version in the URL (?v=), so a new version of the exercise is fetched afresh.
    return Response.json(body, { headers: { 'Cache-Control': 'private, max-age=86400' } });
  } catch (error) {
    console.error(`[visible-cases] ${content.exerciseId}: ${(error as Error).message}`);
    return Response.json({ error: 'The visible tests could not be prepared; Submit still grades on the server.' }, { status: 503 });
  }
}
