import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { db } from '../client';
import { rolesWith } from '../permissions';
import { assignmentItems, assignments, enrollments, exercises, extensions } from '../schema';
import { isUuid } from './ids';

/**
 * The columns `submissionWindow` needs. Queries that select them join `extensions` with
 * `extensionOf(userId)`, so `extendedDueAt` is the acting student's own extension.
 */
export const windowColumns = {
  opensAt: assignments.opensAt,
  dueAt: assignments.dueAt,
  extendedDueAt: extensions.dueAt,
  hardCloseAt: assignments.hardCloseAt,
  latePenaltyPerDay: assignments.latePenaltyPerDay,
};

/** Join condition: the acting user's enrolment in the assignment's course (no row = not a member). */
export const enrollmentOf = (userId: string) => and(eq(enrollments.courseId, assignments.courseId), eq(enrollments.userId, userId));

/** Join condition: the acting user's extension of the assignment, if any. */
export const extensionOf = (userId: string) => and(eq(extensions.assignmentId, assignments.id), eq(extensions.userId, userId));

/**
 * Which assignments a member sees (the query must join `enrollmentOf`): published ones, and for
 * students only those already open. Roles with `assignments.preview` (staff) also see scheduled ones.
 */
export const visibleToMember = and(eq(assignments.published, true), or(isNull(assignments.opensAt), lte(assignments.opensAt, sql`now()`), inArray(enrollments.role, rolesWith('assignments.preview'))));

/**
 * An exercise item as the acting member may submit to it: null unless the user is enrolled in
 * the item's course and the assignment is visible to them (see visibleToMember). The student's extension replaces the due date.
 */
export async function selectExerciseItemForMember(userId: string, itemId: string) {
  if (!isUuid(itemId)) return null;
  const [row] = await db()
    .select({
      itemId: assignmentItems.id,
      exerciseId: assignmentItems.exerciseId,
      maxAttempts: assignmentItems.maxAttempts,
      points: assignmentItems.points,
      courseId: assignments.courseId,
      ...windowColumns,
      role: enrollments.role,
      currentVersionId: exercises.currentVersionId,
    })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .innerJoin(enrollments, enrollmentOf(userId))
    .innerJoin(exercises, eq(exercises.id, assignmentItems.exerciseId))
    .leftJoin(extensions, extensionOf(userId))
    .where(and(eq(assignmentItems.id, itemId), eq(assignmentItems.kind, 'exercise'), visibleToMember));
  return row ?? null;
}

export type SubmissionWindow = { open: boolean; late: boolean; reason?: string };

/**
 * Whether a submission made `now` is accepted and late. With a late penalty and no hard close,
 * late work is accepted indefinitely; with neither, the due date closes the item.
 */
export function submissionWindow(item: { opensAt: Date | null; dueAt: Date | null; extendedDueAt: Date | null; hardCloseAt: Date | null; latePenaltyPerDay: number }, now: Date): SubmissionWindow {
  if (item.opensAt && now < item.opensAt) return { open: false, late: false, reason: `This item opens on ${item.opensAt.toISOString()}.` };
  const due = item.extendedDueAt ?? item.dueAt;
  const late = Boolean(due && now > due);
  const closesAt = item.hardCloseAt && (!item.extendedDueAt || item.hardCloseAt > item.extendedDueAt) ? item.hardCloseAt : item.latePenaltyPerDay > 0 ? null : due;
  if (closesAt && now > closesAt) return { open: false, late, reason: `Submissions closed on ${closesAt.toISOString()}.` };
  return { open: true, late };
}

/**
 * Whether scores, hidden-test results and quiz feedback may be shown to the student `now`. After-due
 * feedback waits for the student's (possibly extended) due date; with no due date there is nothing to wait for.
 */
export function feedbackVisible(item: { feedback: 'immediate' | 'after_due'; dueAt: Date | null; extendedDueAt: Date | null }, now: Date): boolean {
  const due = item.extendedDueAt ?? item.dueAt;
  return item.feedback === 'immediate' || due === null || now > due;
}

export type NewAssignment = {
  courseId: string;
  title: string;
  description?: string;
  opensAt?: Date | null;
  dueAt?: Date | null;
  hardCloseAt?: Date | null;
  latePenaltyPerDay?: number;
  published?: boolean;
  items: NewAssignmentItem[];
};

export type NewAssignmentItem = { kind: 'exercise' | 'quiz'; targetId: string; points: number; maxAttempts?: number | null; feedback?: 'immediate' | 'after_due' };

/** The assignment_items row for `item` at `position`; the check constraint wants exactly one target column set. */
export function assignmentItemRow(assignmentId: string, item: NewAssignmentItem, position: number) {
  return {
    assignmentId,
    kind: item.kind,
    exerciseId: item.kind === 'exercise' ? item.targetId : null,
    quizId: item.kind === 'quiz' ? item.targetId : null,
    points: item.points,
    maxAttempts: item.maxAttempts ?? null,
    feedback: item.feedback ?? 'immediate',
    position,
  };
}

/** Callers check that the actor holds `assignments.manage` in `courseId` (see assertCapability). */
export async function insertAssignmentWithItems(input: NewAssignment): Promise<{ id: string; itemIds: string[] }> {
  return db().transaction(async (tx) => {
    const [assignment] = await tx
      .insert(assignments)
      .values({
        courseId: input.courseId,
        title: input.title,
        description: input.description ?? '',
        opensAt: input.opensAt ?? null,
        dueAt: input.dueAt ?? null,
        hardCloseAt: input.hardCloseAt ?? null,
        latePenaltyPerDay: input.latePenaltyPerDay ?? 0,
        published: input.published ?? false,
      })
      .returning({ id: assignments.id });
    const items = input.items.length
      ? await tx
          .insert(assignmentItems)
          .values(input.items.map((item, position) => assignmentItemRow(assignment.id, item, position)))
          .returning({ id: assignmentItems.id })
      : [];
    return { id: assignment.id, itemIds: items.map((item) => item.id) };
  });
}

/** Appends, after the last item, the exercises the assignment does not hold yet (an existing demo gets new content). */
export async function insertExerciseItemsIfMissing(input: { assignmentId: string; exerciseIds: string[]; points: number }): Promise<number> {
  return db().transaction(async (tx) => {
    const items = await tx.select({ exerciseId: assignmentItems.exerciseId, position: assignmentItems.position }).from(assignmentItems).where(eq(assignmentItems.assignmentId, input.assignmentId));
    const held = new Set(items.map((i) => i.exerciseId));
    const missing = input.exerciseIds.filter((id) => !held.has(id));
    if (!missing.length) return 0;
    const next = Math.max(-1, ...items.map((i) => i.position)) + 1;
    await tx.insert(assignmentItems).values(missing.map((id, i) => assignmentItemRow(input.assignmentId, { kind: 'exercise', targetId: id, points: input.points }, next + i)));
    return missing.length;
  });
}
