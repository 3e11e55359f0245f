import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { db, type Db } from '../../client';
import { assignmentItems, assignments, exercises, quizzes } from '../../schema';
import { assignmentItemRow, insertAssignmentWithItems, type NewAssignmentItem } from '../../queries/assignments';
import { selectWorkCounts } from '../../queries/assignment-admin';
import { assertCapability } from '../../queries/courses';
import { isUuid } from '../../queries/ids';
import { markItemScoresChanged } from '../../queries/lti';
import { Refusal } from '../../queries/errors';

export type AssignmentDraft = {
  courseId: string;
  /** Null creates a new, unpublished assignment. */
  assignmentId: string | null;
  title: string;
  description: string;
  opensAt: Date | null;
  dueAt: Date | null;
  hardCloseAt: Date | null;
  latePenaltyPerDay: number;
  items: NewAssignmentItem[];
};

const keyOf = (item: { kind: string; targetId: string }) => `${item.kind}:${item.targetId}`;

/**
 * Creates or updates an assignment and its ordered items. Items are matched by their exercise or
 * quiz, so changing points, attempts or order keeps the item (and its students' work); removing
 * an item that holds submissions or quiz attempts is refused, because deleting it would cascade
 * that work away.
 */
export async function saveAssignment(actorId: string, input: AssignmentDraft): Promise<{ id: string }> {
  await assertCapability(actorId, input.courseId, 'assignments.manage');
  await assertTargetsAvailable(input.courseId, input.items);
  const fields = {
    title: input.title,
    description: input.description,
    opensAt: input.opensAt,
    dueAt: input.dueAt,
    hardCloseAt: input.hardCloseAt,
    latePenaltyPerDay: input.latePenaltyPerDay,
  };
  if (input.assignmentId === null) return insertAssignmentWithItems({ courseId: input.courseId, ...fields, items: input.items });
  const assignmentId = input.assignmentId;
  if (!isUuid(assignmentId)) throw new Refusal('not-found', 'No such assignment in this course.');

  return db().transaction(async (tx) => {
    const updated = await tx
      .update(assignments)
      .set(fields)
      .where(and(eq(assignments.id, assignmentId), eq(assignments.courseId, input.courseId)))
      .returning({ id: assignments.id });
    if (updated.length === 0) throw new Refusal('not-found', 'No such assignment in this course.');
    // Row locks make a concurrent submission (its foreign key check) wait for this decision, so
    // work cannot slip in between counting it and deleting the item.
    const existing = await tx
      .select({
        id: assignmentItems.id,
        kind: assignmentItems.kind,
        targetId: sql<string>`coalesce(${assignmentItems.exerciseId}, ${assignmentItems.quizId})`,
        title: sql<string>`coalesce(${exercises.title}, ${quizzes.title})`,
      })
      .from(assignmentItems)
      .leftJoin(exercises, eq(exercises.id, assignmentItems.exerciseId))
      .leftJoin(quizzes, eq(quizzes.id, assignmentItems.quizId))
      .where(eq(assignmentItems.assignmentId, assignmentId))
      .for('update', { of: assignmentItems });
    // A new due date, late penalty or points value can change every student's final score in the LMS.
    await markItemScoresChanged(
      tx,
      existing.map((row) => row.id),
    );
    const existingByKey = new Map(existing.map((row) => [keyOf(row), row.id]));
    const wanted = new Set(input.items.map(keyOf));
    const removed = existing.filter((row) => !wanted.has(keyOf(row)));
    await refuseRemovingWork(tx, removed);
    if (removed.length)
      await tx.delete(assignmentItems).where(
        inArray(
          assignmentItems.id,
          removed.map((row) => row.id),
        ),
      );

    for (const [position, item] of input.items.entries()) {
      const row = assignmentItemRow(assignmentId, item, position);
      const id = existingByKey.get(keyOf(item));
      if (id) {
        await tx.update(assignmentItems).set({ points: row.points, maxAttempts: row.maxAttempts, feedback: row.feedback, position }).where(eq(assignmentItems.id, id));
      } else {
        await tx.insert(assignmentItems).values(row);
      }
    }
    return { id: assignmentId };
  });
}

async function refuseRemovingWork(tx: Db, removed: { id: string; title: string }[]): Promise<void> {
  const counts = await selectWorkCounts(
    removed.map((row) => row.id),
    tx,
  );
  const inUse = removed.filter((row) => (counts.get(row.id) ?? 0) > 0);
  if (inUse.length === 0) return;
  const names = inUse.map((row) => `“${row.title}” (${counts.get(row.id)} submissions or attempts)`);
  throw new Refusal('invalid', `Cannot remove ${names.join(', ')}: removing an item deletes its students' work. Keep the item, or set its points to what you intend.`);
}

/** Only the shared library and this course's own published content may be assigned. */
async function assertTargetsAvailable(courseId: string, items: NewAssignmentItem[]): Promise<void> {
  const ids = (kind: NewAssignmentItem['kind']) => [...new Set(items.filter((i) => i.kind === kind).map((i) => i.targetId))];
  const [exerciseIds, quizIds] = [ids('exercise'), ids('quiz')];
  const [foundExercises, foundQuizzes] = await Promise.all([
    exerciseIds.length
      ? db()
          .select({ id: exercises.id })
          .from(exercises)
          .where(and(inArray(exercises.id, exerciseIds), or(isNull(exercises.courseId), eq(exercises.courseId, courseId))))
      : [],
    quizIds.length
      ? db()
          .select({ id: quizzes.id })
          .from(quizzes)
          .where(and(inArray(quizzes.id, quizIds), or(isNull(quizzes.courseId), eq(quizzes.courseId, courseId))))
      : [],
  ]);
  if (foundExercises.length !== exerciseIds.length || foundQuizzes.length !== quizIds.length) {
    throw new Refusal('invalid', 'Some items are not available to this course; reload the page and choose again.');
  }
}
