import { and, eq, inArray } from 'drizzle-orm';
import { db } from '../client';
import { enqueueGrading, getQueue } from '../grading/queue';
import { assertCapability } from '../queries/courses';
import { Refusal } from '../queries/errors';
import { isUuid } from '../queries/ids';
import { assignmentItems, assignments, submissions } from '../schema';

/**
 * Staff put a failed or stuck submission back in the queue. The status flip and the new job commit
 * together; if the old job does finish after all, the idempotent result write keeps one report.
 */
export async function retryGrading(actorId: string, submissionId: string): Promise<void> {
  if (!isUuid(submissionId)) throw new Refusal('forbidden', 'No such submission.');
  const [row] = await db()
    .select({ userId: submissions.userId, courseId: assignments.courseId })
    .from(submissions)
    .innerJoin(assignmentItems, eq(assignmentItems.id, submissions.itemId))
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .where(eq(submissions.id, submissionId));
  if (!row) throw new Refusal('forbidden', 'No such submission.');
  await assertCapability(actorId, row.courseId, 'grading.retry');
  const boss = await getQueue();
  await db().transaction(async (tx) => {
    const updated = await tx
      .update(submissions)
      .set({ status: 'queued' })
      .where(and(eq(submissions.id, submissionId), inArray(submissions.status, ['failed', 'queued', 'grading'])))
      .returning({ id: submissions.id });
    if (updated.length === 0) return;
    await enqueueGrading(boss, tx, { submissionId, run: 0, userId: row.userId });
  });
}
