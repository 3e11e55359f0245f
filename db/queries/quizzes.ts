import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { db, type Db } from '../client';
import { assignmentItems, assignments, enrollments, extensions, quizAnswers, quizAttempts, quizVersions, quizzes } from '../schema';
import { isUuid } from './ids';
import type { Quiz } from '../../graders/quiz/schema';
import type { ConceptResult } from '../../graders/quiz/result';
import { enrollmentOf, extensionOf, visibleToMember, windowColumns } from './assignments';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type QuizContent = { id: string; slug: string; title: string; quiz: Quiz; contentHash: string };

/**
 * Makes `content` the quiz's current version. Versions are immutable and keyed by content hash
 * (attempts pin one), so syncing an unchanged file is a no-op and an edit adds a version.
 */
export async function upsertQuizVersion(content: QuizContent, actorId?: string): Promise<{ versionId: string; created: boolean }> {
  return db().transaction(async (tx) => {
    await tx
      .insert(quizzes)
      .values({ id: content.id, slug: content.slug, title: content.title })
      .onConflictDoUpdate({ target: quizzes.id, set: { slug: content.slug, title: content.title, updatedAt: sql`now()` } });
    const inserted = await tx
      .insert(quizVersions)
      .values({ quizId: content.id, contentHash: content.contentHash, content: content.quiz, questionCount: content.quiz.questions.length, createdBy: actorId })
      .onConflictDoNothing()
      .returning({ id: quizVersions.id });
    const versionId =
      inserted[0]?.id ??
      (
        await tx
          .select({ id: quizVersions.id })
          .from(quizVersions)
          .where(and(eq(quizVersions.quizId, content.id), eq(quizVersions.contentHash, content.contentHash)))
      )[0].id;
    await tx.update(quizzes).set({ currentVersionId: versionId }).where(eq(quizzes.id, content.id));
    return { versionId, created: inserted.length > 0 };
  });
}

/**
 * A quiz item as the acting member may take it: null unless the user is enrolled in the item's
 * course and the assignment is visible to them (see visibleToMember). The student's extension replaces the due date.
 */
export async function selectQuizItemForMember(userId: string, itemId: string) {
  if (!isUuid(itemId)) return null;
  const [row] = await db()
    .select({
      itemId: assignmentItems.id,
      quizId: quizzes.id,
      quizTitle: quizzes.title,
      currentVersionId: quizzes.currentVersionId,
      maxAttempts: assignmentItems.maxAttempts,
      feedback: assignmentItems.feedback,
      points: assignmentItems.points,
      assignmentTitle: assignments.title,
      courseId: assignments.courseId,
      ...windowColumns,
      role: enrollments.role,
    })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .innerJoin(enrollments, enrollmentOf(userId))
    .innerJoin(quizzes, eq(quizzes.id, assignmentItems.quizId))
    .leftJoin(extensions, extensionOf(userId))
    .where(and(eq(assignmentItems.id, itemId), eq(assignmentItems.kind, 'quiz'), visibleToMember));
  return row ?? null;
}

const attemptColumns = {
  id: quizAttempts.id,
  itemId: quizAttempts.itemId,
  attempt: quizAttempts.attempt,
  seed: quizAttempts.seed,
  status: quizAttempts.status,
  score: quizAttempts.score,
  isLate: quizAttempts.isLate,
  startedAt: quizAttempts.startedAt,
  submittedAt: quizAttempts.submittedAt,
};

export async function selectOwnQuizAttempts(userId: string, itemId: string) {
  if (!isUuid(itemId)) return [];
  return db()
    .select(attemptColumns)
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.itemId, itemId)))
    .orderBy(desc(quizAttempts.attempt));
}

/** The user's own attempt with the quiz version it pinned (staff-only content: never send it to a browser). */
export async function selectOwnQuizAttempt(userId: string, attemptId: string, tx: Tx | Db = db()) {
  if (!isUuid(attemptId)) return null;
  const [row] = await tx
    .select({ ...attemptColumns, quizVersionId: quizVersions.id, content: quizVersions.content })
    .from(quizAttempts)
    .innerJoin(quizVersions, eq(quizVersions.id, quizAttempts.quizVersionId))
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId)));
  return row ? { ...row, quiz: row.content } : null;
}

export type OwnQuizAnswer = {
  questionId: string;
  answer: unknown;
  autoPoints: number | null;
  autoConfidence: number | null;
  conceptsFound: ConceptResult[] | null;
  needsReview: boolean;
  manualPoints: number | null;
  comment: string | null;
};

/** Answers of the user's own attempt; empty for anybody else's (ownership is part of the join). */
export async function selectOwnQuizAnswers(userId: string, attemptId: string, tx: Tx | Db = db()): Promise<OwnQuizAnswer[]> {
  if (!isUuid(attemptId)) return [];
  const rows = await tx
    .select({
      questionId: quizAnswers.questionId,
      // As text: the PGlite driver parses a jsonb string twice, turning the answer "0.2" into 0.2.
      answerJson: sql<string>`${quizAnswers.answer}::text`,
      autoPoints: quizAnswers.autoPoints,
      autoConfidence: quizAnswers.autoConfidence,
      conceptsFound: quizAnswers.conceptsFound,
      needsReview: quizAnswers.needsReview,
      manualPoints: quizAnswers.manualPoints,
      comment: quizAnswers.comment,
    })
    .from(quizAnswers)
    .innerJoin(quizAttempts, eq(quizAttempts.id, quizAnswers.attemptId))
    .where(and(eq(quizAnswers.attemptId, attemptId), eq(quizAttempts.userId, userId)))
    .orderBy(asc(quizAnswers.questionId));
  return rows.map(({ answerJson, ...r }) => ({ ...r, answer: JSON.parse(answerJson) as unknown, conceptsFound: r.conceptsFound ?? null }));
}

/** Highest attempt number used and the open attempt, if any, for (user, item). */
export async function selectQuizAttemptUsage(tx: Tx, userId: string, itemId: string) {
  const rows = await tx
    .select({ id: quizAttempts.id, attempt: quizAttempts.attempt, status: quizAttempts.status })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.itemId, itemId)))
    .orderBy(desc(quizAttempts.attempt));
  return { used: rows[0]?.attempt ?? 0, open: rows.find((r) => r.status === 'in_progress') ?? null };
}

export async function insertQuizAttempt(tx: Tx, values: { userId: string; itemId: string; quizVersionId: string; attempt: number; seed: number }) {
  const [row] = await tx.insert(quizAttempts).values(values).returning({ id: quizAttempts.id, attempt: quizAttempts.attempt });
  return row;
}

/**
 * Locks the user's own attempt while it is in progress; null when it is not theirs or no longer open.
 * Saves and the submit both take this lock, so no answer lands after its attempt was scored.
 */
export async function selectOwnOpenQuizAttemptForUpdate(tx: Tx, userId: string, attemptId: string) {
  if (!isUuid(attemptId)) return null;
  const [row] = await tx
    .select({ id: quizAttempts.id, itemId: quizAttempts.itemId })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId), eq(quizAttempts.status, 'in_progress')))
    .for('update');
  return row ?? null;
}

/** Call only after selectOwnOpenQuizAttemptForUpdate in the same transaction. */
export async function upsertQuizAnswer(tx: Tx, attemptId: string, questionId: string, answer: unknown): Promise<Date> {
  // Serialised here, read back as text (selectOwnQuizAnswers): drivers disagree on JSON strings.
  const json = sql`${JSON.stringify(answer)}::jsonb`;
  const [row] = await tx
    .insert(quizAnswers)
    .values({ attemptId, questionId, answer: json })
    .onConflictDoUpdate({ target: [quizAnswers.attemptId, quizAnswers.questionId], set: { answer: json, updatedAt: sql`now()` } })
    .returning({ updatedAt: quizAnswers.updatedAt });
  return row.updatedAt;
}

export type StoredQuestionResult = {
  questionId: string;
  autoPoints: number;
  autoConfidence: number;
  conceptsFound: ConceptResult[] | null;
  needsReview: boolean;
};

/** Stores the automatic result of answered questions; call inside the submit transaction. */
export async function updateQuizAnswerResults(tx: Tx, attemptId: string, results: StoredQuestionResult[]): Promise<void> {
  for (const r of results) {
    await tx
      .update(quizAnswers)
      .set({ autoPoints: r.autoPoints, autoConfidence: r.autoConfidence, conceptsFound: r.conceptsFound, needsReview: r.needsReview, updatedAt: sql`now()` })
      .where(and(eq(quizAnswers.attemptId, attemptId), eq(quizAnswers.questionId, r.questionId)));
  }
}

export async function updateQuizAttemptSubmitted(tx: Tx, attemptId: string, values: { status: 'graded' | 'needs_review'; score: number; isLate: boolean; submittedAt: Date }): Promise<void> {
  await tx
    .update(quizAttempts)
    .set(values)
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.status, 'in_progress')));
}

/**
 * Adds `quizId` to an assignment unless it is already there or the quiz was never synced; for
 * idempotent seeding. Callers check that the actor is an instructor of the assignment's course.
 */
export async function insertQuizItemIfMissing(input: { assignmentId: string; quizId: string; points: number; maxAttempts?: number | null }): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [quiz] = await tx.select({ id: quizzes.id }).from(quizzes).where(eq(quizzes.id, input.quizId));
    if (!quiz) return false;
    const items = await tx.select({ quizId: assignmentItems.quizId, position: assignmentItems.position }).from(assignmentItems).where(eq(assignmentItems.assignmentId, input.assignmentId));
    if (items.some((i) => i.quizId === input.quizId)) return false;
    await tx.insert(assignmentItems).values({
      assignmentId: input.assignmentId,
      kind: 'quiz',
      quizId: input.quizId,
      points: input.points,
      maxAttempts: input.maxAttempts ?? null,
      position: Math.max(-1, ...items.map((i) => i.position)) + 1,
    });
    return true;
  });
}
