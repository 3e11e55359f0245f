import { and, eq, inArray } from 'drizzle-orm';
import { db } from '../../client';
import { assignmentItems, assignments, enrollments, extensions } from '../../schema';
import { assertCapability } from '../../queries/courses';
import { Refusal } from '../../queries/errors';
import { markScoresChanged } from '../../queries/lti';
import type { Db } from '../../client';

type ExtensionTarget = { actorId: string; courseId: string; assignmentId: string; userId: string };

async function assertStudentOfAssignment(input: ExtensionTarget): Promise<void> {
  await assertCapability(input.actorId, input.courseId, 'assignments.manage');
  const [row] = await db()
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(enrollments, and(eq(enrollments.courseId, assignments.courseId), eq(enrollments.userId, input.userId), eq(enrollments.role, 'student')))
    .where(and(eq(assignments.id, input.assignmentId), eq(assignments.courseId, input.courseId)));
  if (!row) throw new Refusal('invalid', 'Choose a student of this course.');
}

/** Gives one student their own due date; granting again replaces it. The hard close still applies unless the extension goes past it. */
export async function grantExtension(input: ExtensionTarget & { dueAt: Date }): Promise<void> {
  await assertStudentOfAssignment(input);
  await db().transaction(async (tx) => {
    await tx
      .insert(extensions)
      .values({ assignmentId: input.assignmentId, userId: input.userId, dueAt: input.dueAt, grantedBy: input.actorId })
      .onConflictDoUpdate({ target: [extensions.assignmentId, extensions.userId], set: { dueAt: input.dueAt, grantedBy: input.actorId, createdAt: new Date() } });
    await markStudentsItemsChanged(tx, input);
  });
}

/** Extensions apply to late penalties already taken (db/queries/scores.ts): the student's final scores in the LMS change. */
async function markStudentsItemsChanged(tx: Db, input: ExtensionTarget): Promise<void> {
  const items = await tx
    .select({ id: assignmentItems.id })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .where(and(eq(assignmentItems.assignmentId, input.assignmentId), eq(assignments.courseId, input.courseId)));
  await markScoresChanged(
    tx,
    [input.userId],
    items.map((item) => item.id),
  );
}

export async function revokeExtension(input: ExtensionTarget): Promise<void> {
  await assertCapability(input.actorId, input.courseId, 'assignments.manage');
  await db().transaction(async (tx) => {
    await tx.delete(extensions).where(
      and(
        eq(extensions.userId, input.userId),
        // Only this course's assignment: the course id is what the role check vouched for.
        inArray(
          extensions.assignmentId,
          db()
            .select({ id: assignments.id })
            .from(assignments)
            .where(and(eq(assignments.id, input.assignmentId), eq(assignments.courseId, input.courseId))),
        ),
      ),
    );
    await markStudentsItemsChanged(tx, input);
  });
}
