import { and, asc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Db } from '../client';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
import { assignmentItems, assignments, quizAnswers, quizAttempts, quizVersions, quizzes, users } from '../schema';
import { assertCapability } from './courses';
import { isUuid } from './ids';
import { attemptVariant } from '../../graders/quiz/variants';

// Short answers the scorer was unsure of, waiting for a human. Claims let graders split the queue:
// "take next N" marks unclaimed answers as the grader's own. Claims are advisory; anyone on staff may
// still grade any answer, so an absent grader's claims never block the course.

export const QUEUE_FILTERS = ['mine', 'unclaimed', 'all'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];
export type AnswerKey = { attemptId: string; questionId: string };

const claimers = alias(users, 'claimers');
const waiting = and(eq(quizAnswers.needsReview, true), isNull(quizAnswers.manualPoints));
const inCourse = (courseId: string) => eq(assignments.courseId, courseId);
// Oldest submission first, then the quiz's own question order is close enough to id order for a stable queue.
const queueOrder = [asc(quizAttempts.submittedAt), asc(quizAnswers.attemptId), asc(quizAnswers.questionId)];

const queueColumns = {
  attemptId: quizAnswers.attemptId,
  questionId: quizAnswers.questionId,
  studentName: users.name,
  quizTitle: quizzes.title,
  attempt: quizAttempts.attempt,
  submittedAt: quizAttempts.submittedAt,
  claimedBy: quizAnswers.claimedBy,
  claimedByName: claimers.name,
};

/** Answers with their attempt, quiz, student and claimer, oldest first; `where` should include inCourse. */
function queueQuery(tx: Db | Tx, where: SQL | undefined) {
  return tx
    .select(queueColumns)
    .from(quizAnswers)
    .innerJoin(quizAttempts, eq(quizAttempts.id, quizAnswers.attemptId))
    .innerJoin(assignmentItems, eq(assignmentItems.id, quizAttempts.itemId))
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .innerJoin(quizzes, eq(quizzes.id, assignmentItems.quizId))
    .innerJoin(users, eq(users.id, quizAttempts.userId))
    .leftJoin(claimers, eq(claimers.id, quizAnswers.claimedBy))
    .where(where)
    .orderBy(...queueOrder);
}

function filterCondition(actorId: string, filter: QueueFilter): SQL | undefined {
  if (filter === 'mine') return eq(quizAnswers.claimedBy, actorId);
  if (filter === 'unclaimed') return isNull(quizAnswers.claimedBy);
  return undefined;
}

export async function selectReviewQueue(actorId: string, courseId: string, filter: QueueFilter) {
  await assertCapability(actorId, courseId, 'reviews.grade');
  return queueQuery(db(), and(waiting, inCourse(courseId), filterCondition(actorId, filter))).limit(500);
}

/** How many answers wait under each filter, so the queue can show counts on its tabs and open where the work is. */
export async function selectReviewQueueCounts(actorId: string, courseId: string): Promise<Record<QueueFilter, number>> {
  await assertCapability(actorId, courseId, 'reviews.grade');
  const [row] = await db()
    .select({
      all: sql<number>`count(*)`.mapWith(Number),
      mine: sql<number>`count(*) filter (where ${quizAnswers.claimedBy} = ${actorId})`.mapWith(Number),
      unclaimed: sql<number>`count(*) filter (where ${quizAnswers.claimedBy} is null)`.mapWith(Number),
    })
    .from(quizAnswers)
    .innerJoin(quizAttempts, eq(quizAttempts.id, quizAnswers.attemptId))
    .innerJoin(assignmentItems, eq(assignmentItems.id, quizAttempts.itemId))
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .where(and(waiting, inCourse(courseId)));
  return { mine: row?.mine ?? 0, unclaimed: row?.unclaimed ?? 0, all: row?.all ?? 0 };
}

/** The tab to open when none is asked for: your own claims if any, else unclaimed work, else everything waiting. */
export function defaultQueueFilter(counts: Record<QueueFilter, number>): QueueFilter {
  return counts.mine > 0 ? 'mine' : counts.unclaimed > 0 ? 'unclaimed' : 'all';
}

/**
 * Claims up to `count` unclaimed waiting answers for the actor. SKIP LOCKED lets two graders press
 * "take next" at once and get disjoint sets instead of waiting on (or stealing) each other's rows.
 */
export async function claimReviewAnswers(actorId: string, courseId: string, count: number): Promise<AnswerKey[]> {
  await assertCapability(actorId, courseId, 'reviews.grade');
  return db().transaction(async (tx) => {
    const free = await queueQuery(tx, and(waiting, inCourse(courseId), isNull(quizAnswers.claimedBy)))
      .limit(Math.max(1, Math.min(count, 100)))
      .for('update', { of: quizAnswers, skipLocked: true });
    if (free.length === 0) return [];
    return tx
      .update(quizAnswers)
      .set({ claimedBy: actorId, claimedAt: sql`now()` })
      .where(and(isNull(quizAnswers.claimedBy), or(...free.map((k) => and(eq(quizAnswers.attemptId, k.attemptId), eq(quizAnswers.questionId, k.questionId))))))
      .returning({ attemptId: quizAnswers.attemptId, questionId: quizAnswers.questionId });
  });
}

/** One answer with what grading it needs (model answer, rubric): staff-only content. Null outside the course. */
export async function selectReviewAnswer(actorId: string, courseId: string, key: AnswerKey) {
  await assertCapability(actorId, courseId, 'reviews.grade');
  if (!isUuid(key.attemptId)) return null;
  const [head] = await queueQuery(db(), and(eq(quizAnswers.attemptId, key.attemptId), eq(quizAnswers.questionId, key.questionId), inCourse(courseId)));
  if (!head) return null;
  const [row] = await db()
    .select({
      answerJson: sql<string>`${quizAnswers.answer}::text`,
      autoPoints: quizAnswers.autoPoints,
      autoConfidence: quizAnswers.autoConfidence,
      conceptsFound: quizAnswers.conceptsFound,
      needsReview: quizAnswers.needsReview,
      manualPoints: quizAnswers.manualPoints,
      comment: quizAnswers.comment,
      seed: quizAttempts.seed,
      content: quizVersions.content,
    })
    .from(quizAnswers)
    .innerJoin(quizAttempts, eq(quizAttempts.id, quizAnswers.attemptId))
    .innerJoin(quizVersions, eq(quizVersions.id, quizAttempts.quizVersionId))
    // An attempt still being answered is the student's: staff read it once it is submitted.
    .where(and(eq(quizAnswers.attemptId, key.attemptId), eq(quizAnswers.questionId, key.questionId), ne(quizAttempts.status, 'in_progress')));
  if (!row) return null;
  const { answerJson, content, seed, ...rest } = row;
  const question = content.questions.find((q) => q.id === key.questionId);
  if (!question) return null;
  // As text then parsed: the PGlite driver parses a jsonb string twice (see selectOwnQuizAnswers).
  return { ...head, ...rest, answer: JSON.parse(answerJson) as unknown, conceptsFound: rest.conceptsFound ?? null, question, variant: attemptVariant(question, seed) };
}

/** A submitted quiz attempt in the course with each answer's points and review state, for the staff attempt page. */
export async function selectQuizAttemptForStaff(actorId: string, courseId: string, attemptId: string) {
  await assertCapability(actorId, courseId, 'submissions.view-all');
  if (!isUuid(attemptId)) return null;
  const [attempt] = await db()
    .select({
      id: quizAttempts.id,
      userId: quizAttempts.userId,
      itemId: quizAttempts.itemId,
      itemPoints: assignmentItems.points,
      studentName: users.name,
      studentEmail: users.email,
      quizTitle: quizzes.title,
      attempt: quizAttempts.attempt,
      status: quizAttempts.status,
      score: quizAttempts.score,
      isLate: quizAttempts.isLate,
      submittedAt: quizAttempts.submittedAt,
      seed: quizAttempts.seed,
      content: quizVersions.content,
    })
    .from(quizAttempts)
    .innerJoin(quizVersions, eq(quizVersions.id, quizAttempts.quizVersionId))
    .innerJoin(assignmentItems, eq(assignmentItems.id, quizAttempts.itemId))
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .innerJoin(quizzes, eq(quizzes.id, assignmentItems.quizId))
    .innerJoin(users, eq(users.id, quizAttempts.userId))
    .where(and(eq(quizAttempts.id, attemptId), inCourse(courseId)));
  if (!attempt) return null;
  const answers = await db()
    .select({ questionId: quizAnswers.questionId, autoPoints: quizAnswers.autoPoints, manualPoints: quizAnswers.manualPoints, needsReview: quizAnswers.needsReview, comment: quizAnswers.comment })
    .from(quizAnswers)
    .where(eq(quizAnswers.attemptId, attemptId));
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  const { content, seed, ...rest } = attempt;
  const questions = content.questions.map((q) => {
    const a = byId.get(q.id);
    return {
      id: q.id,
      type: q.type,
      // Staff see the student's own numbers and the answer for them.
      variant: attemptVariant(q, seed),
      maxPoints: q.points,
      answered: Boolean(a),
      points: a?.manualPoints ?? a?.autoPoints ?? 0,
      waiting: Boolean(a?.needsReview) && a?.manualPoints === null,
      comment: a?.comment ?? null,
    };
  });
  return { ...rest, questions };
}
