import { isEmptyAnswer } from './empty';
import { certainResult, type QuestionResult, type QuizResult } from './result';
import type { Question, Quiz } from './schema';
import { kindOf } from './types';
import { attemptParams, paramsOf } from './variants';

export type { ConceptResult, QuestionResult, QuizResult } from './result';
export { isEmptyAnswer } from './empty';

/** Used when a question is scored outside a quiz; quizzes carry their own threshold. */
export const DEFAULT_REVIEW_THRESHOLD = 0.6;

/**
 * Scores one answer. Never throws: a malformed answer earns 0 with a message saying what was
 * expected, and an internal failure (a content bug) is sent to a human instead of being hidden.
 * `seed` is the attempt's: a question with per-student numbers is graded against the attempt's own.
 */
export function scoreAnswer(question: Question, answer: unknown, options: { reviewThreshold?: number; seed?: string | number } = {}): QuestionResult {
  if (isEmptyAnswer(answer)) return certainResult(question.id, question.points, 0, 'No answer given.');
  try {
    const kind = kindOf(question);
    const parsed = kind.answer.safeParse(answer);
    if (!parsed.success) return certainResult(question.id, question.points, 0, parsed.error.issues[0].message);
    if (paramsOf(question) && options.seed === undefined) throw new Error('its numbers are per attempt, and no attempt seed was given');
    const params = attemptParams(question, options.seed ?? '');
    return kind.score(question, parsed.data, { reviewThreshold: options.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD, params });
  } catch (err) {
    return {
      questionId: question.id,
      points: 0,
      maxPoints: question.points,
      correct: null,
      needsReview: true,
      confidence: 0,
      feedback: `This answer could not be graded automatically (${err instanceof Error ? err.message : 'unknown error'}); a grader will look at it.`,
    };
  }
}

/** `seed` is the attempt's (quiz_attempts.seed), the one its page was shown with. */
export function scoreQuiz(quiz: Quiz, answers: Record<string, unknown>, seed: string | number): QuizResult {
  const given: Record<string, unknown> = typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? answers : {};
  const questions = quiz.questions.map((q) => scoreAnswer(q, Object.hasOwn(given, q.id) ? given[q.id] : undefined, { reviewThreshold: quiz.reviewThreshold, seed }));
  const reviewCount = questions.filter((r) => r.needsReview).length;
  return {
    quizId: quiz.id,
    points: Math.round(questions.reduce((s, r) => s + r.points, 0) * 1000) / 1000,
    maxPoints: quiz.questions.reduce((s, q) => s + q.points, 0),
    needsReview: reviewCount > 0,
    reviewCount,
    questions,
  };
}
