import { db } from '../client';
import { submissionWindow } from '../queries/assignments';
import { selectOwnOpenQuizAttemptForUpdate, selectOwnQuizAnswers, selectOwnQuizAttempt, selectQuizItemForMember, updateQuizAnswerResults, updateQuizAttemptSubmitted } from '../queries/quizzes';
import { scoreQuiz } from '../../graders/quiz/score';
import { Refusal } from '../queries/errors';
import { markScoresChanged } from '../queries/lti';

export type SubmittedQuiz = { status: 'graded' | 'needs_review'; points: number; maxPoints: number; reviewCount: number; isLate: boolean };

/**
 * Scores the student's own open attempt against the quiz version it pinned and stores every
 * answer's automatic result. Any answer below the confidence threshold sends the whole attempt to
 * review (its points are then a suggestion); otherwise the attempt is graded.
 */
export async function submitQuizAttempt(input: { userId: string; attemptId: string; now?: Date }): Promise<SubmittedQuiz> {
  const now = input.now ?? new Date();
  const attempt = await selectOwnQuizAttempt(input.userId, input.attemptId);
  if (!attempt) throw new Refusal('not-found', 'No such quiz attempt.');
  if (attempt.status !== 'in_progress') throw new Refusal('already-submitted', 'This attempt has already been submitted.');
  const item = await selectQuizItemForMember(input.userId, attempt.itemId);
  if (!item) throw new Refusal('not-found', 'No such quiz attempt.');
  const window = submissionWindow(item, now);
  if (!window.open) throw new Refusal('closed', window.reason ?? 'This quiz is closed.');

  return db().transaction(async (tx) => {
    // The lock makes a double submit (two tabs, a double click) score once and answer the second with not_open.
    const open = await selectOwnOpenQuizAttemptForUpdate(tx, input.userId, input.attemptId);
    if (!open) throw new Refusal('already-submitted', 'This attempt has already been submitted.');
    const answers = await selectOwnQuizAnswers(input.userId, open.id, tx);
    const result = scoreQuiz(attempt.quiz, Object.fromEntries(answers.map((a) => [a.questionId, a.answer])), attempt.seed);
    const answered = new Set(answers.map((a) => a.questionId));
    await updateQuizAnswerResults(
      tx,
      open.id,
      result.questions
        .filter((q) => answered.has(q.questionId))
        .map((q) => ({ questionId: q.questionId, autoPoints: q.points, autoConfidence: q.confidence, conceptsFound: q.concepts ?? null, needsReview: q.needsReview })),
    );
    const status = result.needsReview ? 'needs_review' : 'graded';
    const score = result.maxPoints > 0 ? Math.round((result.points / result.maxPoints) * 10000) / 10000 : 0;
    await updateQuizAttemptSubmitted(tx, open.id, { status, score, isLate: window.late, submittedAt: now });
    await markScoresChanged(tx, [input.userId], [attempt.itemId]);
    return { status, points: result.points, maxPoints: result.maxPoints, reviewCount: result.reviewCount, isLate: window.late };
  });
}
