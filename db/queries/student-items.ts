import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../client';
import { assignmentItems, assignments, drafts, enrollments, exercises, exerciseVersions, extensions, quizAttempts, quizzes, submissions } from '../schema';
import { isUuid } from './ids';
import { enrollmentOf, extensionOf, feedbackVisible, visibleToMember, windowColumns } from './assignments';

/** One item of a visible assignment (published, and open for students) as the acting member sees it on the course home. */
export type StudentItemRow = {
  assignmentId: string;
  assignmentTitle: string;
  assignmentDescription: string;
  opensAt: Date | null;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  hardCloseAt: Date | null;
  latePenaltyPerDay: number;
  itemId: string;
  kind: 'exercise' | 'quiz';
  exerciseId: string | null;
  title: string;
  points: number;
  maxAttempts: number | null;
  hasDraft: boolean;
  attempts: number;
  /** Null while the item's scores are held until the due date (see scoresHeld). */
  bestScore: number | null;
  /** The item's feedback waits for the due date: no score of it may be shown yet, not even a grader's. */
  scoresHeld: boolean;
  latestStatus: string | null;
  anyLate: boolean;
};

/**
 * Visible assignments of a course (see visibleToMember) with the acting user's progress on each item. Empty for a
 * non-member: the enrolment join is part of the query, not left to the caller.
 */
export async function selectStudentCourseItems(userId: string, courseId: string): Promise<StudentItemRow[]> {
  if (!isUuid(courseId)) return [];
  const items = await db()
    .select({
      assignmentId: assignments.id,
      assignmentTitle: assignments.title,
      assignmentDescription: assignments.description,
      ...windowColumns,
      itemId: assignmentItems.id,
      kind: assignmentItems.kind,
      exerciseId: assignmentItems.exerciseId,
      exerciseTitle: exercises.title,
      quizTitle: quizzes.title,
      points: assignmentItems.points,
      maxAttempts: assignmentItems.maxAttempts,
      feedback: assignmentItems.feedback,
    })
    .from(assignments)
    .innerJoin(enrollments, enrollmentOf(userId))
    .innerJoin(assignmentItems, eq(assignmentItems.assignmentId, assignments.id))
    .leftJoin(exercises, eq(exercises.id, assignmentItems.exerciseId))
    .leftJoin(quizzes, eq(quizzes.id, assignmentItems.quizId))
    .leftJoin(extensions, extensionOf(userId))
    .where(and(eq(assignments.courseId, courseId), visibleToMember))
    .orderBy(sql`${assignments.dueAt} asc nulls last`, asc(assignments.createdAt), asc(assignmentItems.position));
  if (items.length === 0) return [];

  const itemIds = items.map((i) => i.itemId);
  const exerciseIds = [...new Set(items.flatMap((i) => (i.exerciseId ? [i.exerciseId] : [])))];
  const [work, quizWork, draftRows] = await Promise.all([
    db()
      .select({
        itemId: submissions.itemId,
        attempts: sql<number>`count(*)`.mapWith(Number),
        bestScore: sql<number | null>`max(${submissions.score})`,
        latestStatus: sql<string>`(array_agg(${submissions.status}::text order by ${submissions.attempt} desc))[1]`,
        anyLate: sql<boolean>`bool_or(${submissions.isLate})`,
      })
      .from(submissions)
      .where(and(eq(submissions.userId, userId), inArray(submissions.itemId, itemIds)))
      .groupBy(submissions.itemId),
    db()
      .select({
        itemId: quizAttempts.itemId,
        attempts: sql<number>`count(*)`.mapWith(Number),
        bestScore: sql<number | null>`max(${quizAttempts.score})`,
        latestStatus: sql<string>`(array_agg(${quizAttempts.status}::text order by ${quizAttempts.attempt} desc))[1]`,
        anyLate: sql<boolean>`bool_or(${quizAttempts.isLate})`,
      })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), inArray(quizAttempts.itemId, itemIds)))
      .groupBy(quizAttempts.itemId),
    exerciseIds.length
      ? db()
          .select({ exerciseId: drafts.exerciseId })
          .from(drafts)
          .where(and(eq(drafts.userId, userId), inArray(drafts.exerciseId, exerciseIds)))
      : Promise.resolve([]),
  ]);
  const stats = new Map([...work, ...quizWork].map((w) => [w.itemId, w]));
  const drafted = new Set(draftRows.map((d) => d.exerciseId));
  const now = new Date();
  return items.map(({ exerciseTitle, quizTitle, feedback, ...item }) => {
    const s = stats.get(item.itemId);
    const scoresHeld = !feedbackVisible({ ...item, feedback }, now);
    return {
      ...item,
      title: exerciseTitle ?? quizTitle ?? 'Untitled item',
      hasDraft: item.exerciseId ? drafted.has(item.exerciseId) : false,
      attempts: s?.attempts ?? 0,
      bestScore: scoresHeld || s?.bestScore === null || s?.bestScore === undefined ? null : Number(s.bestScore),
      scoresHeld,
      latestStatus: s?.latestStatus ?? null,
      anyLate: Boolean(s?.anyLate),
    };
  });
}

/**
 * Everything the exercise page shows for an item of the acting member: the current version's
 * statement, stub and metadata, never its reference or tests. Null for non-members, assignments
 * they may not see yet (unpublished, or not open for a student) and quiz items.
 */
export async function selectExerciseItemPage(userId: string, itemId: string) {
  if (!isUuid(itemId)) return null;
  const [row] = await db()
    .select({
      itemId: assignmentItems.id,
      courseId: assignments.courseId,
      assignmentTitle: assignments.title,
      exerciseId: exercises.id,
      title: exercises.title,
      topic: exercises.topic,
      difficulty: exercises.difficulty,
      points: assignmentItems.points,
      maxAttempts: assignmentItems.maxAttempts,
      ...windowColumns,
      role: enrollments.role,
      versionHash: exerciseVersions.contentHash,
      statement: exerciseVersions.statement,
      stub: exerciseVersions.stub,
      visualize: exerciseVersions.visualize,
      meta: exerciseVersions.meta,
    })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .innerJoin(enrollments, enrollmentOf(userId))
    .innerJoin(exercises, eq(exercises.id, assignmentItems.exerciseId))
    .innerJoin(exerciseVersions, eq(exerciseVersions.id, exercises.currentVersionId))
    .leftJoin(extensions, extensionOf(userId))
    .where(and(eq(assignmentItems.id, itemId), eq(assignmentItems.kind, 'exercise'), visibleToMember));
  return row ?? null;
}

/**
 * The trusted content needed to compute an item's visible test cases on the server. Server-only:
 * reference and tests must never be handed to a page. Membership is still part of the WHERE.
 */
export async function selectExerciseContentForMember(userId: string, itemId: string) {
  if (!isUuid(itemId)) return null;
  const [row] = await db()
    .select({
      courseId: assignments.courseId,
      exerciseId: exercises.id,
      versionHash: exerciseVersions.contentHash,
      meta: exerciseVersions.meta,
      statement: exerciseVersions.statement,
      stub: exerciseVersions.stub,
      reference: exerciseVersions.reference,
      tests: exerciseVersions.tests,
    })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .innerJoin(enrollments, enrollmentOf(userId))
    .innerJoin(exercises, eq(exercises.id, assignmentItems.exerciseId))
    .innerJoin(exerciseVersions, eq(exerciseVersions.id, exercises.currentVersionId))
    .where(and(eq(assignmentItems.id, itemId), eq(assignmentItems.kind, 'exercise'), visibleToMember));
  return row ?? null;
}
