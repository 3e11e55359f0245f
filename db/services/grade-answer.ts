import { and, eq, sql } from 'drizzle-orm';
import { db } from '../client';
import { assertCapability } from '../queries/courses';
import { Refusal } from '../queries/errors';
import { isUuid } from '../queries/ids';
import { markScoresChanged } from '../queries/lti';
import { assignmentItems, assignments, quizAnswers, quizAttempts, quizVersions } from '../schema';
import type { ConceptResult } from '../../graders/quiz/result';
import type { Question } from '../../graders/quiz/schema';
import { kindOf } from '../../graders/quiz/types';

export type GradeAnswerInput = {
  actorId: string;
  courseId: string;
  attemptId: string;
  questionId: string;
  points: number;
  /** Rubric concept ids the grader credits; shown to the student as credited / missing. */
  concepts: string[];
  comment?: string | null;
};

/**
 * A grader decides one answer's points, then the attempt's score is recomputed from every answer
 * (a grader's points win over the machine's) and the attempt becomes graded once nothing waits for review.
 */
export async function gradeAnswer(input: GradeAnswerInput): Promise<{ status: 'graded' | 'needs_review'; score: number }> {
  await assertCapability(input.actorId, input.courseId, 'reviews.grade');
  if (!isUuid(input.attemptId)) throw new Refusal('forbidden', 'No such answer.');
  return db().transaction(async (tx) => {
    // Locking the attempt serialises two graders finishing its last two answers: both recomputes see both grades.
    const [attempt] = await tx
      .select({ id: quizAttempts.id, status: quizAttempts.status, content: quizVersions.content, userId: quizAttempts.userId, itemId: quizAttempts.itemId })
      .from(quizAttempts)
      .innerJoin(quizVersions, eq(quizVersions.id, quizAttempts.quizVersionId))
      .innerJoin(assignmentItems, eq(assignmentItems.id, quizAttempts.itemId))
      .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
      .where(and(eq(quizAttempts.id, input.attemptId), eq(assignments.courseId, input.courseId)))
      .for('update', { of: quizAttempts });
    if (!attempt) throw new Refusal('forbidden', 'No such answer.');
    if (attempt.status === 'in_progress') throw new Refusal('conflict', 'The student has not submitted this attempt yet.');
    const quiz = attempt.content;
    const question = quiz.questions.find((q) => q.id === input.questionId);
    if (!question) throw new Refusal('forbidden', 'No such answer.');
    if (!Number.isFinite(input.points) || input.points < 0 || input.points > question.points) {
      throw new Refusal('invalid', `Points must be between 0 and ${question.points}.`);
    }
    const [answer] = await tx
      .select({ conceptsFound: quizAnswers.conceptsFound })
      .from(quizAnswers)
      .where(and(eq(quizAnswers.attemptId, attempt.id), eq(quizAnswers.questionId, question.id)));
    if (!answer) throw new Refusal('forbidden', 'No such answer.');
    await tx
      .update(quizAnswers)
      .set({
        manualPoints: input.points,
        graderId: input.actorId,
        comment: input.comment?.trim() || null,
        conceptsFound: creditedConcepts(question, answer.conceptsFound, input.concepts),
        updatedAt: sql`now()`,
      })
      .where(and(eq(quizAnswers.attemptId, attempt.id), eq(quizAnswers.questionId, question.id)));

    const answers = await tx
      .select({ autoPoints: quizAnswers.autoPoints, manualPoints: quizAnswers.manualPoints, needsReview: quizAnswers.needsReview })
      .from(quizAnswers)
      .where(eq(quizAnswers.attemptId, attempt.id));
    const points = answers.reduce((sum, a) => sum + (a.manualPoints ?? a.autoPoints ?? 0), 0);
    const maxPoints = quiz.questions.reduce((sum, q) => sum + q.points, 0);
    // Same rounding as the automatic score at submit.
    const score = maxPoints > 0 ? Math.round((points / maxPoints) * 10000) / 10000 : 0;
    const status = answers.some((a) => a.needsReview && a.manualPoints === null) ? 'needs_review' : 'graded';
    await tx.update(quizAttempts).set({ score, status }).where(eq(quizAttempts.id, attempt.id));
    await markScoresChanged(tx, [attempt.userId], [attempt.itemId]);
    return { status, score };
  });
}

/** The rubric with the grader's ticks; the machine's evidence is kept where the grader agrees. */
function creditedConcepts(question: Question, machine: ConceptResult[] | null, ticked: string[]): ConceptResult[] | null {
  const items = kindOf(question).review?.(question).items;
  if (!items) return machine;
  const before = new Map((machine ?? []).map((c) => [c.id, c]));
  return items.map((r) => {
    const found = ticked.includes(r.id);
    const prior = before.get(r.id);
    return { id: r.id, label: r.label, points: r.points, found, ...(prior && prior.found === found ? { evidence: prior.evidence, note: prior.note } : {}) };
  });
}
