import type { z } from 'zod';
import { AnswerSchemas } from './answers';
import { scoreChoice } from './choice';
import { checkFormula } from './formula';
import { parseNumericAnswer, withinTolerance } from './numeric';
import { certainResult, type QuestionResult, type QuizResult } from './result';
import type { Question, Quiz, ShortQuestion } from './schema';
import { gradeShort } from './short/grade';

export type { ConceptResult, QuestionResult, QuizResult } from './result';

/** Used when a question is scored outside a quiz; quizzes carry their own threshold. */
export const DEFAULT_REVIEW_THRESHOLD = 0.6;

/**
 * Scores one answer. Never throws: a malformed answer earns 0 with a message saying what was
 * expected, and an internal failure (a content bug) is sent to a human instead of being hidden.
 */
export function scoreAnswer(question: Question, answer: unknown, options: { reviewThreshold?: number } = {}): QuestionResult {
  if (answer === undefined || answer === null || (typeof answer === 'string' && !answer.trim()) || (Array.isArray(answer) && answer.length === 0)) {
    return certainResult(question.id, question.points, 0, 'No answer given.');
  }
  try {
    return scoreValid(question, answer, options.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD);
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

export function scoreQuiz(quiz: Quiz, answers: Record<string, unknown>): QuizResult {
  const given: Record<string, unknown> = typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? answers : {};
  const questions = quiz.questions.map((q) => scoreAnswer(q, Object.hasOwn(given, q.id) ? given[q.id] : undefined, { reviewThreshold: quiz.reviewThreshold }));
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

function scoreValid(question: Question, answer: unknown, reviewThreshold: number): QuestionResult {
  const invalid = (message: string) => certainResult(question.id, question.points, 0, message);
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const parsed = parse(AnswerSchemas[question.type], answer);
      if (!parsed.ok) return invalid(parsed.error);
      return scoreChoice(question, typeof parsed.value === 'string' ? [parsed.value] : parsed.value);
    }
    case 'numeric': {
      const parsed = parse(AnswerSchemas.numeric, answer);
      if (!parsed.ok) return invalid(parsed.error);
      const number = parseNumericAnswer(parsed.value, question.units);
      if (!number.ok) return invalid(number.error);
      const right = withinTolerance(question, number.value);
      return certainResult(question.id, question.points, right ? question.points : 0, right ? 'Correct.' : (question.feedback ?? 'Not within the accepted tolerance.'));
    }
    case 'formula': {
      const parsed = parse(AnswerSchemas.formula, answer);
      if (!parsed.ok) return invalid(parsed.error);
      const check = checkFormula(question, parsed.value);
      if (check.equivalent) return certainResult(question.id, question.points, question.points, 'Correct.');
      return invalid([check.message, question.feedback].filter(Boolean).join(' '));
    }
    case 'short': {
      const parsed = parse(AnswerSchemas.short, answer);
      if (!parsed.ok) return invalid(parsed.error);
      return scoreShort(question, parsed.value, reviewThreshold);
    }
  }
}

function scoreShort(question: ShortQuestion, text: string, reviewThreshold: number): QuestionResult {
  const grade = gradeShort(question, text);
  const needsReview = grade.confidence < reviewThreshold;
  const lines = [...grade.feedback];
  if (needsReview) lines.push(`A grader will review this answer; the automatic suggestion is ${grade.points} of ${question.points} points.`);
  return {
    questionId: question.id,
    points: grade.points,
    maxPoints: question.points,
    correct: needsReview ? null : grade.points >= question.points,
    needsReview,
    confidence: grade.confidence,
    feedback: lines.join(' '),
    concepts: grade.concepts,
    ...(grade.reasons.length ? { reasons: grade.reasons } : {}),
  };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parse<S extends z.ZodType>(schema: S, value: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: result.error.issues[0].message };
}
