import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-db';
import { syncContent } from '@/db/sync-content';
import { insertUser } from '@/db/queries/users';
import { insertCourse, insertEnrollmentByJoinCode } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { selectOwnSubmission } from '@/db/queries/submissions';
import { Refusal } from '@/db/queries/errors';
import { submitExercise } from '@/db/services/submit-exercise';
import { startGradingWorker, type GradingWorker } from '@/db/grading/worker';
import { stopQueue } from '@/db/grading/queue';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { assignments } from '@/db/schema';
import { selectOwnSubmissionsForItem } from '@/db/queries/submissions';
import { selectStudentCourseItems } from '@/db/queries/student-items';

let drop: () => Promise<void>;
let worker: GradingWorker;
let studentId: string;
let otherId: string;
let itemId: string;
let heldItemId: string;
let heldAssignmentId: string;
let courseId: string;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  await syncContent();
  const teacher = await insertUser({ email: 't@uni.test', name: 'T', password: 'a long teacher pass', isAdmin: true });
  const student = await insertUser({ email: 's@uni.test', name: 'S', password: 'a long student pass' });
  const other = await insertUser({ email: 'o@uni.test', name: 'O', password: 'a long student pass' });
  studentId = student.id;
  otherId = other.id;
  const course = await insertCourse({ actorId: teacher.id, title: 'DGM', code: 'DGM' });
  courseId = course.id;
  await insertEnrollmentByJoinCode(student.id, course.joinCode);
  ({
    itemIds: [itemId],
  } = await insertAssignmentWithItems({
    courseId: course.id,
    title: 'Week 1',
    published: true,
    dueAt: new Date(Date.now() + 86_400_000),
    items: [{ kind: 'exercise', targetId: 'triplet-loss', points: 10, maxAttempts: 4 }],
  }));
  ({
    id: heldAssignmentId,
    itemIds: [heldItemId],
  } = await insertAssignmentWithItems({
    courseId: course.id,
    title: 'Week 2',
    published: true,
    dueAt: new Date(Date.now() + 86_400_000),
    items: [{ kind: 'exercise', targetId: 'triplet-loss', points: 10, feedback: 'after_due' }],
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
    expect(graded.report!.tests.length).toBeGreaterThanOrEqual(6);
    // Hidden tests' time is withheld, so the total the student sees is the visible tests' time.
    expect(graded.report!.durationMs).toBe(graded.report!.tests.filter((t) => t.visible).reduce((n, t) => n + t.durationMs, 0));
  });

  it('refuses non-members, oversize code and exhausted attempts with clear errors, storing nothing', async () => {
    await expect(submitExercise({ userId: otherId, itemId, code: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(submitExercise({ userId: studentId, itemId, code: 'x'.repeat(70_000) })).rejects.toThrow(/69 KB; the limit is 64 KB/);
    const third = await submitExercise({ userId: studentId, itemId, code: 'function tripletLoss() { return tf.scalar(1); }' });
    await waitForFinalStatus(third.submissionId);
    const fourth = await submitExercise({ userId: studentId, itemId, code: 'function tripletLoss() { return tf.scalar(2); }' });
    await waitForFinalStatus(fourth.submissionId);
    const error = await submitExercise({ userId: studentId, itemId, code: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refusal);
    expect(error).toMatchObject({ code: 'no-attempts-left', message: expect.stringMatching(/all 4 attempts/) });
  });

  it('holds the score and hidden-test results of an after-due item until its due date, then shows them', async () => {
    const wrong = await submitExercise({ userId: studentId, itemId: heldItemId, code: 'function tripletLoss(a, p, n, m) { return tf.scalar(0); }' });
    const held = await waitForFinalStatus(wrong.submissionId);
    expect(held.status).toBe('graded');
    expect(held.score).toBeNull();
    expect(held.feedbackHeldUntil).toBeInstanceOf(Date);
    expect(held.report!.tests.length).toBeGreaterThan(0);
    expect(held.report!.tests.every((t) => t.visible)).toBe(true);
    expect(held.report!.maxPoints).toBe(held.report!.tests.reduce((n, t) => n + t.maxPoints, 0));
    expect((await selectOwnSubmissionsForItem(studentId, heldItemId)).rows[0].score).toBeNull();
    const home = (await selectStudentCourseItems(studentId, courseId)).find((i) => i.itemId === heldItemId)!;
    expect(home).toMatchObject({ scoresHeld: true, bestScore: null, attempts: 1 });

    await db()
      .update(assignments)
      .set({ dueAt: new Date(Date.now() - 1000) })
      .where(eq(assignments.id, heldAssignmentId));
    const released = await selectOwnSubmission(studentId, wrong.submissionId);
    expect(released!.feedbackHeldUntil).toBeNull();
    expect(released!.score).toBeLessThan(1);
    expect(released!.report!.tests.some((t) => !t.visible)).toBe(true);
    expect(await selectOwnSubmissionsForItem(studentId, heldItemId)).toMatchObject({ rows: [{ score: released!.score }], feedbackHeldUntil: null });
  });
});
