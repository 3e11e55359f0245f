import type { NextRequest } from 'next/server';
import { getOptionalUser } from '@/app/_lib/authz';
import { saveQuizAnswer } from '@/db/services/save-quiz-answer';
import { QuizError, type QuizErrorCode } from '@/db/services/quiz-errors';
import { SaveAnswerBodySchema } from '../quiz.types';

const STATUS: Record<QuizErrorCode, number> = { not_found: 404, closed: 409, not_open: 409, no_attempts_left: 409, unavailable: 409, invalid_answer: 400 };

/**
 * Autosave of one answer: fetch from the quiz page (keepalive when the page is hidden). JSON only,
 * so a cross-site form cannot post here without a CORS preflight we never answer.
 */
export async function POST(request: NextRequest) {
  if (!request.headers.get('content-type')?.startsWith('application/json')) return Response.json({ error: 'Send JSON.' }, { status: 415 });
  const user = await getOptionalUser();
  if (!user) return Response.json({ error: 'You were signed out; sign in again to save.' }, { status: 401 });
  const parsed = SaveAnswerBodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? 'Invalid answer.' }, { status: 400 });
  try {
    const { savedAt } = await saveQuizAnswer({ userId: user.id, ...parsed.data });
    return Response.json({ savedAt: savedAt.toISOString() });
  } catch (error) {
    if (error instanceof QuizError) return Response.json({ error: error.message, code: error.code }, { status: STATUS[error.code] });
    throw error;
  }
}
