import type { NextRequest } from 'next/server';
import { getOptionalUser } from '@/app/_lib/authz';
import { selectExerciseItemForMember } from '@/db/queries/assignments';
import { upsertOwnDraft } from '@/db/queries/drafts';
import { readJsonRequest } from '@/app/_lib/json-request';
import { DraftBodySchema, MAX_DRAFT_BYTES } from './draft.types';

type Ctx = { params: Promise<{ courseId: string; itemId: string }> };

// As for a submission: JSON escaping at most doubles the code.
const MAX_BODY_BYTES = 2 * MAX_DRAFT_BYTES + 1024;

/** Autosave. PUT from the editor; POST from navigator.sendBeacon when the page is closed. Same-origin JSON only. */
async function save(request: NextRequest, ctx: Ctx) {
  const body = await readJsonRequest(request, { maxBytes: MAX_BODY_BYTES, tooLargeMessage: `Drafts are limited to ${MAX_DRAFT_BYTES / 1024} KB.` });
  if (!body.ok) return body.response;
  const { courseId, itemId } = await ctx.params;
  const user = await getOptionalUser();
  if (!user) return Response.json({ error: 'You were signed out; sign in again to save.' }, { status: 401 });
  const item = await selectExerciseItemForMember(user.id, itemId);
  if (!item || item.courseId !== courseId || !item.exerciseId) return Response.json({ error: 'No such exercise in your courses.' }, { status: 404 });
  const parsed = DraftBodySchema.safeParse(body.body);
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? 'Invalid draft.' }, { status: 400 });
  const { updatedAt } = await upsertOwnDraft(user.id, item.exerciseId, parsed.data.code);
  return Response.json({ updatedAt: updatedAt.toISOString() });
}

export const PUT = save;
export const POST = save;
