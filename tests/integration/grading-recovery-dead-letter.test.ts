import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { db } from '@/db/client';
import { syncContent } from '@/db/sync-content';
import { insertUser } from '@/db/queries/users';
import { insertCourse, insertEnrollmentByJoinCode } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { updateSubmissionStatus } from '@/db/queries/submissions';
import { submitExercise } from '@/db/services/submit-exercise';
import { startGradingWorker, type GradingWorker } from '@/db/grading/worker';
import { GRADE_QUEUE, GRADE_RETRY_LIMIT, getQueue, requeueOrphanedJobs, stopQueue } from '@/db/grading/queue';

const CORRECT = `function tripletLoss(a, p, n, m) {
  const dap = a.sub(p).square().sum(1), dan = a.sub(n).square().sum(1);
  return dap.sub(dan).add(m).relu().mean();
}`;

let drop: () => Promise<void>;
let worker: GradingWorker;
let itemId: string;
const students: string[] = [];

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  await syncContent();
  const teacher = await insertUser({ email: 't@uni.test', name: 'T', password: 'a long teacher pass', isAdmin: true });
  const course = await insertCourse({ actorId: teacher.id, title: 'DGM', code: 'DGM' });
  for (let i = 0; i < 2; i++) {
    const student = await insertUser({ email: `s${i}@uni.test`, name: `S${i}`, password: 'a long student pass' });
    await insertEnrollmentByJoinCode(student.id, course.joinCode);
    students.push(student.id);
  }
  ({
    itemIds: [itemId],
  } = await insertAssignmentWithItems({
    courseId: course.id,
    title: 'Week 1',
    published: true,
    items: [{ kind: 'exercise', targetId: 'triplet-loss', points: 10 }],
  }));
});
afterAll(async () => {
  await worker?.stop();
  await stopQueue();
  await drop();
});

const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);

/**
 * Submits, then plays a worker that dies on every attempt: each attempt is fetched and failed
 * as pg-boss does for a lost worker, until the job is taken for its last attempt and left active
 * with nobody beating for it, the submission 'grading', exactly as a worker killed then leaves it.
 */
async function submissionOnItsLastAttempt(userId: string): Promise<string> {
  const { submissionId } = await submitExercise({ userId, itemId, code: CORRECT });
  const boss = await getQueue();
  for (let attempt = 0; ; attempt++) {
    const [job] = await boss.fetch<{ submissionId: string }>(GRADE_QUEUE);
    expect(job.data.submissionId).toBe(submissionId);
    await updateSubmissionStatus(submissionId, 'grading');
    if (attempt === GRADE_RETRY_LIMIT) return submissionId;
    await boss.fail(GRADE_QUEUE, job.id, { message: 'worker killed' });
  }
}

async function waitForStatus(submissionId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = rowsOf(
      await db().execute(sql`select s.status, count(r.id)::int as reports from submissions s left join grade_reports r on r.submission_id = s.id where s.id = ${submissionId} group by s.status`),
    ) as { status: string; reports: number }[];
    if (row.status !== 'grading' && row.status !== 'queued') return row;
    if (Date.now() > deadline) throw new Error(`still ${row.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a job cut off on its last retry ends its submission as failed, never stuck in grading', () => {
  it('an embedded restart on the last attempt: handing back fails it for good, marked failed at once', async () => {
    const submissionId = await submissionOnItsLastAttempt(students[1]);
    const startedAt = Date.now();
    expect(await requeueOrphanedJobs(await getQueue())).toBe(1);
    worker = await startGradingWorker({ concurrency: 1 });
    expect(await waitForStatus(submissionId, 10_000)).toEqual({ status: 'failed', reports: 0 });
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  }, 30_000);

  it('heartbeat lapses on the last attempt: the dead-letter consumer marks the submission failed', async () => {
    // The worker of the test before would take the job first: this test plays it.
    await worker.stop();
    const submissionId = await submissionOnItsLastAttempt(students[0]);
    worker = await startGradingWorker({ concurrency: 1 });
    const startedAt = Date.now();
    // Heartbeat 10 s + a monitor pass (1 s on PostgreSQL, 5 s embedded) + the dead-letter poll.
    expect(await waitForStatus(submissionId, 30_000)).toEqual({ status: 'failed', reports: 0 });
    console.log(`[dead-letter] last attempt lost: submission failed ${Date.now() - startedAt} ms later`);
    const [job] = rowsOf(await db().execute(sql`select state from pgboss.job where name = ${GRADE_QUEUE} and data->>'submissionId' = ${submissionId}`)) as { state: string }[];
    expect(job.state).toBe('failed');
  }, 60_000);

  it('an ordinary submission is still graded once, the dead-letter route leaves it alone', async () => {
    const { submissionId } = await submitExercise({ userId: students[1], itemId, code: CORRECT });
    expect(await waitForStatus(submissionId, 30_000)).toEqual({ status: 'graded', reports: 1 });
  }, 40_000);
});
