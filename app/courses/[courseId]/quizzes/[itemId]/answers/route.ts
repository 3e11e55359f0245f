import type { NextRequest } from 'next/server';
import { getOptionalUser } from '@/app/_lib/authz';
import { saveQuizAnswer } from '@/db/services/save-quiz-answer';
import { isRefusal } from '@/db/queries/errors';
import { refusalResponse } from '@/app/_lib/refusal';
import { readJsonRequest } from '@/app/_lib/json-request';
import { SaveAnswerBodySchema } from '../quiz.types';

// The largest valid answer (4,000 characters, or 50 choices of 100) is ~30 KB even with every character escaped.
const MAX_BODY_BYTES = 32 * 1024;

/**
 * Autosave of one answer: fetch from the quiz page (keepalive when the page is hidden). Same-origin
 * JSON only, so a cross-site form cannot post here without a CORS preflight we never answer.
 */
export async function POST(request: NextRequest) {
  const body = await readJsonRequest(request, { maxBytes: MAX_BODY_BYTES, tooLargeMessage: 'The answer is too long to save.' });
  if (!body.ok) return body.response;
  const user = await getOptionalUser();
  if (!user) return Response.json({ error: 'You were signed out; sign in again to save.' }, { status: 401 });
  const parsed = SaveAnswerBodySchema.safeParse(body.body);
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? 'Invalid answer.' }, { status: 400 });
  try {
    const { savedAt } = await saveQuizAnswer({ userId: user.id, ...parsed.data });
    return Response.json({ savedAt: savedAt.toISOString() });
  } catch (error) {
    if (isRefusal(error)) return refusalResponse(error);
    throw error;
  }
}
