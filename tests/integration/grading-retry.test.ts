import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { db } from '@/db/client';
import { submissions } from '@/db/schema';
import { syncContent } from '@/db/sync-content';
import { insertUser } from '@/db/queries/users';
import { insertCourse, insertEnrollmentByJoinCode } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { selectOwnSubmission, selectStuckSubmissions } from '@/db/queries/submissions';
import { submitExercise } from '@/db/services/submit-exercise';
import { retryGrading } from '@/db/services/retry-grading';
import { startGradingWorker } from '@/db/grading/worker';
import { stopQueue } from '@/db/grading/queue';

let drop: () => Promise<void>;
beforeAll(async () => ({ drop } = await createTestDatabase()));
afterAll(async () => {
  await stopQueue();
  await drop();
});

it('lists failed gradings to staff only, and a retry grades the submission', async () => {
  await syncContent();
  const teacher = await insertUser({ email: 't@uni.test', name: 'T', password: 'a long teacher pass', isAdmin: true });
  const student = await insertUser({ email: 's@uni.test', name: 'S', password: 'a long student pass' });
  const course = await insertCourse({ actorId: teacher.id, title: 'DGM', code: 'DGM' });
  await insertEnrollmentByJoinCode(student.id, course.joinCode);
  const {
    itemIds: [itemId],
  } = await insertAssignmentWithItems({
    courseId: course.id,
    title: 'W1',
    published: true,
    items: [{ kind: 'exercise', targetId: 'triplet-loss', points: 10 }],
  });
  const { submissionId } = await submitExercise({ userId: student.id, itemId, code: 'function tripletLoss() { return tf.scalar(0); }' });
  // As the worker leaves it when every retry crashed.
  await db().update(submissions).set({ status: 'failed' }).where(eq(submissions.id, submissionId));

  await expect(selectStuckSubmissions(student.id, course.id)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
  await expect(retryGrading(student.id, submissionId)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
  expect((await selectStuckSubmissions(teacher.id, course.id)).map((s) => s.id)).toEqual([submissionId]);

  const worker = await startGradingWorker({ concurrency: 1 });
  try {
    await retryGrading(teacher.id, submissionId);
    const deadline = Date.now() + 60_000;
    let status = '';
    while (Date.now() < deadline && status !== 'graded') {
      await new Promise((resolve) => setTimeout(resolve, 300));
      status = (await selectOwnSubmission(student.id, submissionId))!.status;
    }
    expect(status).toBe('graded');
    expect(await selectStuckSubmissions(teacher.id, course.id)).toEqual([]);
  } finally {
    await worker.stop();
  }
});
