import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { db, type Db } from '../client';
import { assignmentItems, assignments, courses, enrollments, exercises, extensions, quizAttempts, quizzes, submissions, users } from '../schema';
import { assertCapability } from './courses';
import { isUuid } from './ids';

// Instructor-only reads for the assignment editor. Every function checks the role itself.

export async function selectCourseTimeZone(courseId: string): Promise<string> {
  const [course] = await db().select({ timeZone: courses.timeZone }).from(courses).where(eq(courses.id, courseId));
  return course?.timeZone ?? 'UTC';
}

/** The course's assignments, newest deadlines last, with their item counts. */
export async function selectCourseAssignments(actorId: string, courseId: string) {
  await assertCapability(actorId, courseId, 'assignments.manage');
  return db()
    .select({
      id: assignments.id,
      title: assignments.title,
      opensAt: assignments.opensAt,
      dueAt: assignments.dueAt,
      hardCloseAt: assignments.hardCloseAt,
      published: assignments.published,
      itemCount: count(assignmentItems.id),
    })
    .from(assignments)
    .leftJoin(assignmentItems, eq(assignmentItems.assignmentId, assignments.id))
    .where(eq(assignments.courseId, courseId))
    .groupBy(assignments.id)
    .orderBy(sql`${assignments.dueAt} asc nulls last`, asc(assignments.createdAt));
}

/** Exercises and quizzes an assignment of this course may use: the shared library and the course's own, once published. */
export async function selectAssignableContent(actorId: string, courseId: string) {
  await assertCapability(actorId, courseId, 'assignments.manage');
  const [exerciseRows, quizRows] = await Promise.all([
    db()
      .select({ targetId: exercises.id, title: exercises.title })
      .from(exercises)
      .where(and(isNotNull(exercises.currentVersionId), or(isNull(exercises.courseId), eq(exercises.courseId, courseId))))
      .orderBy(asc(exercises.title)),
    db()
      .select({ targetId: quizzes.id, title: quizzes.title })
      .from(quizzes)
      .where(and(isNotNull(quizzes.currentVersionId), or(isNull(quizzes.courseId), eq(quizzes.courseId, courseId))))
      .orderBy(asc(quizzes.title)),
  ]);
  // Where each is already used in this course, so the editor can warn before the same item lands in two assignments.
  const uses = await db()
    .select({ exerciseId: assignmentItems.exerciseId, quizId: assignmentItems.quizId, assignmentId: assignments.id, title: assignments.title })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .where(eq(assignments.courseId, courseId))
    .orderBy(asc(assignments.createdAt));
  const usedIn = (kind: 'exercise' | 'quiz', id: string) => uses.filter((u) => (kind === 'exercise' ? u.exerciseId : u.quizId) === id).map((u) => ({ assignmentId: u.assignmentId, title: u.title }));
  return [
    ...exerciseRows.map((e) => ({ kind: 'exercise' as const, ...e, usedIn: usedIn('exercise', e.targetId) })),
    ...quizRows.map((q) => ({ kind: 'quiz' as const, ...q, usedIn: usedIn('quiz', q.targetId) })),
  ];
}

/**
 * One assignment with its items in order (each with how many submissions or quiz attempts it
 * holds: those items cannot be removed) and its extensions. Null if it is not this course's.
 */
export async function selectAssignmentForEdit(actorId: string, courseId: string, assignmentId: string) {
  await assertCapability(actorId, courseId, 'assignments.manage');
  if (!isUuid(assignmentId)) return null;
  const [assignment] = await db()
    .select()
    .from(assignments)
    .where(and(eq(assignments.id, assignmentId), eq(assignments.courseId, courseId)));
  if (!assignment) return null;
  const [items, extensionRows] = await Promise.all([
    db()
      .select({
        id: assignmentItems.id,
        kind: assignmentItems.kind,
        targetId: sql<string>`coalesce(${assignmentItems.exerciseId}, ${assignmentItems.quizId})`,
        title: sql<string>`coalesce(${exercises.title}, ${quizzes.title})`,
        points: assignmentItems.points,
        maxAttempts: assignmentItems.maxAttempts,
        feedback: assignmentItems.feedback,
      })
      .from(assignmentItems)
      .leftJoin(exercises, eq(exercises.id, assignmentItems.exerciseId))
      .leftJoin(quizzes, eq(quizzes.id, assignmentItems.quizId))
      .where(eq(assignmentItems.assignmentId, assignmentId))
      .orderBy(asc(assignmentItems.position)),
    db()
      .select({ userId: extensions.userId, name: users.name, email: users.email, dueAt: extensions.dueAt })
      .from(extensions)
      .innerJoin(users, eq(users.id, extensions.userId))
      .where(eq(extensions.assignmentId, assignmentId))
      .orderBy(desc(extensions.dueAt)),
  ]);
  const work = await selectWorkCounts(items.map((i) => i.id));
  return { assignment, items: items.map((item) => ({ ...item, workCount: work.get(item.id) ?? 0 })), extensions: extensionRows };
}

/** Submissions plus quiz attempts per item: student work that deleting the item would cascade away. */
export async function selectWorkCounts(itemIds: string[], tx: Db = db()): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const [subs, attempts] = await Promise.all([
    tx.select({ itemId: submissions.itemId, n: count() }).from(submissions).where(inArray(submissions.itemId, itemIds)).groupBy(submissions.itemId),
    tx.select({ itemId: quizAttempts.itemId, n: count() }).from(quizAttempts).where(inArray(quizAttempts.itemId, itemIds)).groupBy(quizAttempts.itemId),
  ]);
  const counts = new Map<string, number>();
  for (const row of [...subs, ...attempts]) if (row.itemId) counts.set(row.itemId, (counts.get(row.itemId) ?? 0) + row.n);
  return counts;
}

/** Students of the course, for the extension picker. */
export async function selectCourseStudents(actorId: string, courseId: string) {
  await assertCapability(actorId, courseId, 'assignments.manage');
  return db()
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(eq(enrollments.courseId, courseId), eq(enrollments.role, 'student')))
    .orderBy(asc(users.name));
}
