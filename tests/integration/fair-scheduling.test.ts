import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { db } from '@/db/client';
import { syncContent } from '@/db/sync-content';
import { insertUser } from '@/db/queries/users';
import { insertCourse, insertEnrollmentByJoinCode } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { selectOwnSubmission, selectSubmissionPressure } from '@/db/queries/submissions';
import { submitExercise } from '@/db/services/submit-exercise';
import { startGradingWorker } from '@/db/grading/worker';
import { stopQueue } from '@/db/grading/queue';

// Correct, but burning ~0.45 s per call (a case makes up to two calls, each case may take 1 s): ~3.6 s of a core per submission.
const BURNER = `function tripletLoss(anchor, positive, negative, margin) {
  const until = Date.now() + 450; while (Date.now() < until) {}
  return tf.mean(tf.relu(tf.sum(tf.squaredDifference(anchor, positive), -1).sub(tf.sum(tf.squaredDifference(anchor, negative), -1)).add(margin)));
}`;
const HONEST = readFileSync('exercises/triplet-loss/reference.js', 'utf8');

let drop: () => Promise<void>;
let heavy: string;
let light: string;
let itemId: string;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  await syncContent();
  const teacher = await insertUser({ email: 't@uni.test', name: 'T', password: 'a long teacher pass', isAdmin: true });
  heavy = (await insertUser({ email: 'heavy@uni.test', name: 'H', password: 'a long student pass' })).id;
  light = (await insertUser({ email: 'light@uni.test', name: 'L', password: 'a long student pass' })).id;
  const course = await insertCourse({ actorId: teacher.id, title: 'DGM', code: 'DGM' });
  for (const id of [heavy, light]) await insertEnrollmentByJoinCode(id, course.joinCode);
  ({
    itemIds: [itemId],
  } = await insertAssignmentWithItems({
    courseId: course.id,
    title: 'Week 1',
    published: true,
    dueAt: new Date(Date.now() + 86_400_000),
    items: [{ kind: 'exercise', targetId: 'triplet-loss', points: 10 }],
  }));
});

afterAll(async () => {
  await stopQueue();
  await drop();
});

async function waitGraded(userId: string, submissionId: string) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const s = await selectOwnSubmission(userId, submissionId);
    if (s?.status === 'graded') return s;
  }
  throw new Error('not graded in 60 s');
}

const queuedPriority = async (submissionId: string) => {
  const result = await db().execute(sql`select priority from pgboss.job where data ->> 'submissionId' = ${submissionId}`);
  const rows = ((result as unknown as { rows?: unknown[] }).rows ?? result) as { priority: number }[];
  return rows[0].priority;
};

/** The niceness field of /proc/<pid>/stat (the 19th; the command name before it may hold spaces). */
const niceness = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[16]);

describe('grading is fair by CPU, not by job count', () => {
  it('a student whose recent gradings burned seconds is queued behind others and graded in the niced sandbox', async () => {
    const worker = await startGradingWorker({ concurrency: 1 });
    try {
      for (let i = 0; i < 2; i++) {
        const { submissionId } = await submitExercise({ userId: heavy, itemId, code: BURNER });
        expect((await waitGraded(heavy, submissionId)).score).toBe(1);
      }
      // The first ran in the ordinary sandbox; by the second, the first's time was known.
      expect(worker.pool.gradedCount()).toBe(1);
      expect(worker.heavyPool.gradedCount()).toBe(1);
      expect(niceness(worker.heavyPool.pids()[0])).toBe(10);
      expect(niceness(worker.pool.pids()[0])).toBe(0);

      expect((await selectSubmissionPressure(heavy)).recentGradingMs).toBeGreaterThan(3_000);
      expect((await selectSubmissionPressure(light)).recentGradingMs).toBe(0);
    } finally {
      await worker.stop();
    }

    const heavyNext = await submitExercise({ userId: heavy, itemId, code: HONEST });
    const lightNext = await submitExercise({ userId: light, itemId, code: HONEST });
    expect(await queuedPriority(lightNext.submissionId)).toBe(0);
    // Behind everyone else, but above a regrade's -10.
    expect(await queuedPriority(heavyNext.submissionId)).toBeLessThan(0);
    expect(await queuedPriority(heavyNext.submissionId)).toBeGreaterThan(-10);
  }, 90_000);
});
