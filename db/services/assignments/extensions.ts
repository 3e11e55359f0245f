import { and, eq, inArray } from 'drizzle-orm';
import { db } from '../../client';
import { assignments, enrollments, extensions } from '../../schema';
import { assertCapability } from '../../queries/courses';
import { Refusal } from '../../queries/errors';

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
  await db()
    .insert(extensions)
    .values({ assignmentId: input.assignmentId, userId: input.userId, dueAt: input.dueAt, grantedBy: input.actorId })
    .onConflictDoUpdate({ target: [extensions.assignmentId, extensions.userId], set: { dueAt: input.dueAt, grantedBy: input.actorId, createdAt: new Date() } });
}

export async function revokeExtension(input: ExtensionTarget): Promise<void> {
  await assertCapability(input.actorId, input.courseId, 'assignments.manage');
  await db()
    .delete(extensions)
    .where(
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
}
