import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { db, type DbHandle } from '@/db/client';
import { syncContent } from '@/db/sync-content';
import { insertUser } from '@/db/queries/users';
import { insertCourse, insertEnrollmentByJoinCode } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { submitExercise } from '@/db/services/submit-exercise';
import { startGradingWorker } from '@/db/grading/worker';
import { GRADE_QUEUE, getQueue, stopQueue } from '@/db/grading/queue';

// Busy for ~1.5 s inside the sandbox, long enough to kill whoever is grading it.
// Correct and slow: 450 ms per call keeps a case (up to two calls) under its 1 s limit, and the
// job's ~8 calls take ~3.6 s, long enough to be killed in the middle of.
const SLOW_CORRECT = `function tripletLoss(a, p, n, m) {
  const end = Date.now() + 450; while (Date.now() < end) {}
  const dap = a.sub(p).square().sum(1), dan = a.sub(n).square().sum(1);
  return dap.sub(dan).add(m).relu().mean();
}`;

let handle: DbHandle;
let drop: () => Promise<void>;
let itemId: string;
const students: string[] = [];

beforeAll(async () => {
  ({ handle, drop } = await createTestDatabase());
  await syncContent();
  const teacher = await insertUser({ email: 't@uni.test', name: 'T', password: 'a long teacher pass', isAdmin: true });
  const course = await insertCourse({ actorId: teacher.id, title: 'DGM', code: 'DGM' });
  for (let i = 0; i < 4; i++) {
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
  await stopQueue();
  await drop();
});

async function reportsPerSubmission(ids: string[]) {
  const result = await db().execute(
    sql`select s.id, s.status, count(r.id)::int as reports from submissions s left join grade_reports r on r.submission_id = s.id where s.id in ${sql.raw(`('${ids.join("','")}')`)} group by s.id, s.status`,
  );
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string; status: string; reports: number }[];
}

async function waitUntilAllGraded(ids: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await reportsPerSubmission(ids);
    if (rows.every((row) => row.status === 'graded')) return rows;
    if (Date.now() > deadline) throw new Error(`not all graded: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe('nothing is lost or graded twice when sandboxes crash', () => {
  it('retries the job of a sandbox child killed with SIGKILL mid-job and grades it exactly once', async () => {
    const worker = await startGradingWorker({ concurrency: 1 });
    try {
      const { submissionId } = await submitExercise({ userId: students[0], itemId, code: SLOW_CORRECT });
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const [victim] = worker.pool.pids();
      process.kill(victim, 'SIGKILL');
      const [row] = await waitUntilAllGraded([submissionId], 60_000);
      expect(row.reports).toBe(1);
      expect(worker.pool.pids()[0]).not.toBe(victim);
    } finally {
      await worker.stop();
    }
  });
});

// Separate worker processes need a server database: the embedded one belongs to one process.
describe.runIf(Boolean(process.env.DATABASE_URL))('worker processes (PostgreSQL)', () => {
  const startWorker = (): { child: ChildProcess; output: () => string } => {
    const url = handle.kind === 'postgres' ? handle.url : '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      // One job at a time per worker, so neither can take the whole queue and the split is observable.
      env: { ...process.env, DATABASE_URL: url, WORKER_CONCURRENCY: '1', WORKER_JOBS_PER_PROCESS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    return { child, output: () => output };
  };
  const waitFor = async (check: () => boolean, timeoutMs: number, refresh?: () => Promise<void>) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await refresh?.();
      if (check()) return;
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('two workers split the queue and never grade the same job twice', async () => {
    const workers = [startWorker(), startWorker()];
    try {
      await Promise.all(workers.map((w) => waitFor(() => w.output().includes('waiting for jobs'), 60_000)));
      const ids: string[] = [];
      for (let round = 0; round < 2; round++) {
        for (const userId of students) ids.push((await submitExercise({ userId, itemId, code: SLOW_CORRECT.replace('450', '300') })).submissionId);
      }
      const rows = await waitUntilAllGraded(ids, 90_000);
      expect(rows.map((row) => row.reports)).toEqual(ids.map(() => 1));
      const gradedBy = workers.map((w) => ids.filter((id) => w.output().includes(`graded ${id}`)).length);
      expect(gradedBy[0] + gradedBy[1]).toBe(ids.length);
      expect(Math.min(...gradedBy)).toBeGreaterThan(0);
    } finally {
      for (const w of workers) w.child.kill('SIGKILL');
    }
  });

  it('a worker sent SIGTERM mid-job finishes that job, then exits cleanly', async () => {
    const worker = startWorker();
    await waitFor(() => worker.output().includes('waiting for jobs'), 60_000);
    const { submissionId } = await submitExercise({ userId: students[2], itemId, code: SLOW_CORRECT });
    // SIGTERM only once the sandbox is busy with it (it stays busy for ~1.5 s).
    let status = '';
    await waitFor(
      () => status === 'grading',
      30_000,
      async () => void ([{ status }] = await reportsPerSubmission([submissionId])),
    );
    const exited = new Promise<number | null>((resolve) => worker.child.once('exit', (code) => resolve(code)));
    worker.child.kill('SIGTERM');
    try {
      expect(await exited).toBe(0);
      expect(worker.output()).toContain(`graded ${submissionId}`);
      const [row] = await reportsPerSubmission([submissionId]);
      expect(row).toMatchObject({ status: 'graded', reports: 1 });
    } finally {
      worker.child.kill('SIGKILL');
    }
  });

  it('a job whose whole worker process is killed mid-job is graded once by a restarted worker within 15 s', async () => {
    const first = startWorker();
    await waitFor(() => first.output().includes('waiting for jobs'), 60_000);
    // ~1.6 s of grading (8 calls of 200 ms): killed 1 s in, whatever the load still in the middle.
    const { submissionId } = await submitExercise({ userId: students[1], itemId, code: SLOW_CORRECT.replace('450', '200') });
    let status = '';
    await waitFor(
      () => status === 'grading',
      30_000,
      async () => void ([{ status }] = await reportsPerSubmission([submissionId])),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    first.child.kill('SIGKILL');
    const restartedAt = Date.now();
    const second = startWorker();
    try {
      const [row] = await waitUntilAllGraded([submissionId], 90_000);
      const elapsed = Date.now() - restartedAt;
      console.log(`[crash] worker killed mid-job: graded again ${elapsed} ms after the restart`);
      expect(row.reports).toBe(1);
      // The worker logs once its result is stored: its output may trail the row by a moment.
      await waitFor(() => second.output().includes(`graded ${submissionId}`), 5_000);
      expect(first.output()).not.toContain(`graded ${submissionId}`);
      // Heartbeat 10 s + monitor pass 1 s + poll 0.5 s + the grading itself (db/grading/queue.ts).
      expect(elapsed).toBeLessThan(15_000);
    } finally {
      second.child.kill('SIGKILL');
    }
  });

  it('a worker that starts leaves alone a job that a live worker still heartbeats', async () => {
    // The live worker is this process's own pg-boss, holding the job for 14 s (longer than the 10 s
    // heartbeat plus a monitor pass) while pg-boss beats for it; only the beats keep it there.
    const boss = await getQueue();
    let held = '';
    const released = new Promise<void>((resolve) => {
      void boss.work<{ submissionId: string }>(GRADE_QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        held = job.data.submissionId;
        await new Promise((done) => setTimeout(done, 14_000));
        resolve();
      });
    });
    const { submissionId } = await submitExercise({ userId: students[3], itemId, code: SLOW_CORRECT });
    await waitFor(() => held === submissionId, 30_000);
    const second = startWorker();
    try {
      await released;
      await boss.offWork(GRADE_QUEUE, { wait: true });
      const result = await db().execute(sql`select state, retry_count from pgboss.job where name = ${GRADE_QUEUE} and data->>'submissionId' = ${submissionId}`);
      const jobs = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { state: string; retry_count: number }[];
      expect(jobs).toEqual([{ state: 'completed', retry_count: 0 }]);
      expect(second.output()).toContain('waiting for jobs');
      expect(second.output()).not.toContain(submissionId);
    } finally {
      second.child.kill('SIGKILL');
    }
  }, 60_000);
});
