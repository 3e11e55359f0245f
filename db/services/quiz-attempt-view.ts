import { selectOwnQuizAnswers, selectOwnQuizAttempt, selectQuizItemForMember, type OwnQuizAnswer } from '../queries/quizzes';
import { feedbackVisible } from '../queries/assignments';
import { toPublicQuiz, type PublicQuiz } from '../../graders/quiz/public';
import type { Question, Quiz } from '../../graders/quiz/schema';
import { scoreAnswer } from '../../graders/quiz/score';
import { AnswerSchema, type Answer } from '../../graders/quiz/answers';

// The student-visible attempt. Security boundary like toPublicQuiz: built field by field from the
// pinned content, so model answers, rubric phrasings, correct options and tolerances never leave.

export type DraftAnswer = Answer;

export type QuestionFeedback = {
  points: number;
  maxPoints: number;
  correct: boolean | null;
  /** A grader has to confirm the (suggested) points. */
  awaitingReview: boolean;
  /** Course staff set these points by hand: they replace the automatic suggestion and its explanation. */
  reviewed: boolean;
  feedback: string;
  graderComment: string | null;
  /** Rubric concepts of a short answer: which were credited, which are missing. */
  concepts: { id: string; label: string; points: number; found: boolean; note?: string }[] | null;
};

export type QuizAttemptView = {
  attemptId: string;
  itemId: string;
  courseId: string;
  attempt: number;
  status: 'in_progress' | 'submitted' | 'needs_review' | 'graded';
  isLate: boolean;
  submittedAt: string | null;
  quiz: PublicQuiz;
  answers: Record<string, DraftAnswer>;
  /** Null while the attempt is open, or when feedback is held back until the due date. */
  result: { points: number; maxPoints: number; reviewCount: number; questions: Record<string, QuestionFeedback> } | null;
  /** Set when the attempt is submitted but feedback is held back until then. */
  feedbackAt: string | null;
};

/** The user's own attempt as they may see it; null for anybody else's or when they left the course. */
export async function selectQuizAttemptView(userId: string, attemptId: string, now = new Date()): Promise<QuizAttemptView | null> {
  const attempt = await selectOwnQuizAttempt(userId, attemptId);
  if (!attempt) return null;
  const item = await selectQuizItemForMember(userId, attempt.itemId);
  if (!item) return null;
  const rows = await selectOwnQuizAnswers(userId, attemptId);
  const answers: Record<string, DraftAnswer> = {};
  for (const row of rows) {
    const parsed = AnswerSchema.safeParse(row.answer);
    if (parsed.success) answers[row.questionId] = parsed.data;
  }
  const submitted = attempt.status !== 'in_progress';
  const held = submitted && !feedbackVisible(item, now);
  return {
    attemptId: attempt.id,
    itemId: attempt.itemId,
    courseId: item.courseId,
    attempt: attempt.attempt,
    status: attempt.status,
    isLate: attempt.isLate,
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    quiz: toPublicQuiz(attempt.quiz, attempt.seed),
    answers,
    result: submitted && !held ? buildResult(attempt.quiz, attempt.seed, rows) : null,
    feedbackAt: held ? (item.extendedDueAt ?? item.dueAt)!.toISOString() : null,
  };
}

function buildResult(quiz: Quiz, seed: number, rows: OwnQuizAnswer[]): NonNullable<QuizAttemptView['result']> {
  const byQuestion = new Map(rows.map((r) => [r.questionId, r]));
  const questions: Record<string, QuestionFeedback> = {};
  for (const q of quiz.questions) questions[q.id] = questionFeedback(quiz, seed, q, byQuestion.get(q.id));
  const all = Object.values(questions);
  return {
    points: Math.round(all.reduce((s, q) => s + q.points, 0) * 1000) / 1000,
    maxPoints: all.reduce((s, q) => s + q.maxPoints, 0),
    reviewCount: all.filter((q) => q.awaitingReview).length,
    questions,
  };
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

function questionFeedback(quiz: Quiz, seed: number, question: Question, row: OwnQuizAnswer | undefined): QuestionFeedback {
  // Scoring is deterministic on the pinned version, so the message is recomputed rather than stored;
  // points, review state and concepts come from what was stored at submit (and a grader's decision).
  const rescored = scoreAnswer(question, row?.answer, { reviewThreshold: quiz.reviewThreshold, seed });
  const manual = row?.manualPoints ?? null;
  const awaitingReview = Boolean(row?.needsReview) && manual === null;
  const points = manual ?? row?.autoPoints ?? 0;
  const concepts = row?.conceptsFound ?? rescored.concepts ?? null;
  return {
    points,
    maxPoints: question.points,
    correct: awaitingReview ? null : points >= question.points,
    awaitingReview,
    reviewed: manual !== null,
    // The scorer's message was written for the automatic suggestion ("a grader will review this answer; the
    // suggestion is 2 of 3"); once a person has graded it, that text is stale and the grader's points speak.
    feedback: manual !== null ? `Graded by course staff: ${fmt(manual)} of ${question.points} points.` : rescored.feedback,
    graderComment: row?.comment ?? null,
    concepts: concepts?.map((c) => ({ id: c.id, label: c.label, points: c.points, found: c.found, ...(c.note ? { note: c.note } : {}) })) ?? null,
  };
}
