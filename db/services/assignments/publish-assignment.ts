import { and, count, eq } from 'drizzle-orm';
import { db } from '../../client';
import { assignmentItems, assignments } from '../../schema';
import { assertCapability } from '../../queries/courses';
import { Refusal } from '../../queries/errors';

/** Publishing shows the assignment to students (once open); unpublishing hides it but keeps all work. */
export async function setAssignmentPublished(input: { actorId: string; courseId: string; assignmentId: string; published: boolean }): Promise<void> {
  await assertCapability(input.actorId, input.courseId, 'assignments.manage');
  if (input.published) {
    const [row] = await db()
      .select({ n: count() })
      .from(assignmentItems)
      .innerJoin(assignments, and(eq(assignments.id, assignmentItems.assignmentId), eq(assignments.courseId, input.courseId)))
      .where(eq(assignmentItems.assignmentId, input.assignmentId));
    if (!row || row.n === 0) throw new Refusal('invalid', 'Add at least one exercise or quiz before publishing.');
  }
  const updated = await db()
    .update(assignments)
    .set({ published: input.published })
    .where(and(eq(assignments.id, input.assignmentId), eq(assignments.courseId, input.courseId)))
    .returning({ id: assignments.id });
  if (updated.length === 0) throw new Refusal('not-found', 'No such assignment in this course.');
}
