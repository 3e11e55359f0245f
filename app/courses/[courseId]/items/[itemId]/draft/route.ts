import type { NextRequest } from 'next/server';
import { getOptionalUser } from '@/app/_lib/authz';
import { selectExerciseItemForMember } from '@/db/queries/assignments';
import { upsertOwnDraft } from '@/db/queries/drafts';
import { DraftBodySchema } from './draft.types';

type Ctx = { params: Promise<{ courseId: string; itemId: string }> };

/** Autosave. PUT from the editor; POST from navigator.sendBeacon when the page is closed. */
async function save(request: NextRequest, ctx: Ctx) {
  const { courseId, itemId } = await ctx.params;
  const user = await getOptionalUser();
  if (!user) return Response.json({ error: 'You were signed out; sign in again to save.' }, { status: 401 });
  const item = await selectExerciseItemForMember(user.id, itemId);
  if (!item || item.courseId !== courseId || !item.exerciseId) return Response.json({ error: 'No such exercise in your courses.' }, { status: 404 });
  const parsed = DraftBodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? 'Invalid draft.' }, { status: 400 });
  const { updatedAt } = await upsertOwnDraft(user.id, item.exerciseId, parsed.data.code);
  return Response.json({ updatedAt: updatedAt.toISOString() });
}

export const PUT = save;
export const POST = save;
