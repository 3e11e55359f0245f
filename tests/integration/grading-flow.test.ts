import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-db';
import { syncContent } from '@/db/sync-content';
import { insertUser } from '@/db/queries/users';
import { insertCourse, insertEnrollmentByJoinCode } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { selectOwnSubmission } from '@/db/queries/submissions';
import { submitExercise, SubmitError } from '@/db/services/submit-exercise';
import { startGradingWorker, type GradingWorker } from '@/db/grading-worker';
import { stopQueue } from '@/db/queue';
import { readFileSync } from 'node:fs';

let drop: () => Promise<void>;
let worker: GradingWorker;
let studentId: string;
let otherId: string;
let itemId: string;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  await syncContent();
  const teacher = await insertUser({ email: 't@uni.test', name: 'T', password: 'a long teacher pass', isAdmin: true });
  const student = await insertUser({ email: 's@uni.test', name: 'S', password: 'a long student pass' });
  const other = await insertUser({ email: 'o@uni.test', name: 'O', password: 'a long student pass' });
  studentId = student.id;
  otherId = other.id;
  const course = await insertCourse({ actorId: teacher.id, title: 'DGM', code: 'DGM' });
  await insertEnrollmentByJoinCode(student.id, course.joinCode);
  ({ itemIds: [itemId] } = await insertAssignmentWithItems({
    courseId: course.id, title: 'Week 1', published: true, dueAt: new Date(Date.now() + 86_400_000),
    items: [{ kind: 'exercise', targetId: 'triplet-loss', points: 10, maxAttempts: 4 }],
  }));
  worker = await startGradingWorker({ concurrency: 1 });
});

afterAll(async () => {
  await worker?.stop();
  await stopQueue();
  await drop();
});

async function waitForFinalStatus(submissionId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const submission = await selectOwnSubmission(studentId, submissionId);
    if (submission && ['graded', 'error', 'failed'].includes(submission.status)) return submission;
    if (Date.now() > deadline) throw new Error(`submission still ${submission?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('submit → queue → sandbox child → stored report', () => {
  it('grades a correct and a wrong submission through the queue', async () => {
    const correct = await submitExercise({ userId: studentId, itemId, code: readFileSync('exercises/triplet-loss/reference.js', 'utf8') });
    const wrong = await submitExercise({ userId: studentId, itemId, code: 'function tripletLoss(a, p, n, m) { return tf.scalar(0); }' });
    expect([correct.attempt, wrong.attempt]).toEqual([1, 2]);
    expect((await waitForFinalStatus(correct.submissionId)).score).toBe(1);
    const graded = await waitForFinalStatus(wrong.submissionId);
    expect(graded.status).toBe('graded');
    expect(graded.score).toBeLessThan(1);
    expect((graded.report as { tests: unknown[] }).tests.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses non-members, oversize code and exhausted attempts with clear errors, storing nothing', async () => {
    await expect(submitExercise({ userId: otherId, itemId, code: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(submitExercise({ userId: studentId, itemId, code: 'x'.repeat(70_000) })).rejects.toThrow(/69 KB; the limit is 64 KB/);
    const third = await submitExercise({ userId: studentId, itemId, code: 'function tripletLoss() { return tf.scalar(1); }' });
    await waitForFinalStatus(third.submissionId);
    const fourth = await submitExercise({ userId: studentId, itemId, code: 'function tripletLoss() { return tf.scalar(2); }' });
    await waitForFinalStatus(fourth.submissionId);
    const error = await submitExercise({ userId: studentId, itemId, code: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubmitError);
    expect((error as SubmitError).message).toMatch(/all 4 attempts/);
  });
});
