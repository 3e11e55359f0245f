import { PgBoss, fromDrizzle, fromPglite } from 'pg-boss';
import { sql } from 'drizzle-orm';
import { getDbHandle, type Db } from './client';

export const GRADE_QUEUE = 'grade-submission';
// regradeRunId is set for regrade jobs: grade against that run's version, store a report that counts only once accepted.
export type GradeJobData = { submissionId: string; run: number; regradeRunId?: string };

/** Infrastructure failures (a crashed sandbox) are retried this often; a student's bug never is. */
export const GRADE_RETRY_LIMIT = 2;

const holder = globalThis as unknown as { __tensorgradeBoss?: Promise<PgBoss> };

/** The process's pg-boss, started on first use, on the same database as everything else. */
export function getQueue(): Promise<PgBoss> {
  holder.__tensorgradeBoss ??= startQueue().catch((error: unknown) => {
    holder.__tensorgradeBoss = undefined;
    throw error;
  });
  return holder.__tensorgradeBoss;
}

async function startQueue(): Promise<PgBoss> {
  const handle = getDbHandle();
  const boss =
    handle.kind === 'postgres'
      ? new PgBoss({ connectionString: handle.url, max: 4, useListenNotify: true })
      : new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite', useListenNotify: true });
  boss.on('error', (error) => console.error('[queue]', error));
  await boss.start();
  const queueOptions = {
    retryLimit: GRADE_RETRY_LIMIT,
    retryDelay: 1,
    expireInSeconds: 120,
    // Workers beat every 5 s; a job whose worker vanished (kill -9, lost machine) is retried after 10 s.
    heartbeatSeconds: 10,
    // NOTIFY on every new job wakes idle workers at once. Without it a worker that just finished a
    // job sleeps out its polling interval first, which capped a server at ~16 gradings/s however
    // idle its sandboxes were (npm run bench:load: jobs waited seconds in the queue, graded in 0.1 s).
    // Embedded PGlite has one process, which wakes one of its own consumers instead (wakeOneConsumer).
    notify: handle.kind === 'postgres',
  };
  await boss.createQueue(GRADE_QUEUE, queueOptions).catch((error: unknown) => {
    if (!/already exists/i.test(String(error))) throw error;
  });
  // A database created by an earlier release keeps its queue as it was: bring the options up to date.
  await boss.updateQueue(GRADE_QUEUE, queueOptions);
  // pg-boss caches queue metadata at start, before the queue above may have existed; a cold cache
  // makes send() look the queue up on pg-boss's own connection. Inside a transaction on PGlite's
  // single connection that lookup waits for the transaction that waits for it. Any queue-scoped
  // call fills the cache; deleting a job id that cannot exist is a harmless one.
  await boss.deleteJob(GRADE_QUEUE, '00000000-0000-0000-0000-000000000000');
  return boss;
}

/**
 * Enqueues grading inside the caller's transaction: the submission row and its job commit or
 * roll back together, so no submission is ever left without a job (or a job without a row).
 * Jobs are grouped by student so the workers' per-group limit keeps one student's burst from
 * starving everybody else.
 *
 * Takes the started queue rather than starting it: starting pg-boss inside the transaction would
 * deadlock on PGlite, whose single connection the transaction holds.
 */
export async function enqueueGrading(boss: PgBoss, tx: Db, job: GradeJobData & { userId: string; priority?: number }): Promise<void> {
  await boss.send(GRADE_QUEUE, { submissionId: job.submissionId, run: job.run } satisfies GradeJobData, {
    db: fromDrizzle(tx as never, sql as never),
    group: { id: job.userId },
    priority: job.priority ?? 0,
  });
}

/**
 * Fair by CPU, not by job count: a student whose gradings used much time lately waits behind those
 * whose used little. An honest submission grades in 20–300 ms, so even ten a minute stay under 3 s
 * of grading in ten minutes, which is free; each further 3 s is one step down, never below a regrade
 * (a correct solution burning 0.9 s per call uses ~5.5 s per submission).
 */
export function fairGradingPriority(recentGradingMs: number): number {
  const steps = Math.ceil(Math.max(0, recentGradingMs - FREE_GRADING_MS) / FREE_GRADING_MS);
  return -Math.min(steps, -REGRADE_PRIORITY - 1);
}
const FREE_GRADING_MS = 3_000;

/**
 * Embedded mode's stand-in for NOTIFY, called once a new job has committed. NOTIFY wakes every one of
 * the process's consumers (8 by default) and each runs pg-boss's fetch query; on PGlite every query runs
 * on the web server's own thread, and at 20 submissions/s those fetches took most of it (npm run
 * bench:load). Waking one consumer per job, in turn, costs one fetch: an idle consumer fetches now, a
 * busy one right after its current job instead of sleeping out its poll.
 */
export function wakeOneConsumer(boss: PgBoss): void {
  if (getDbHandle().kind !== 'pglite') return;
  const consumers = boss.getWipData().filter((w) => w.name === GRADE_QUEUE);
  if (consumers.length === 0) return;
  const idle = consumers.find((w) => w.count === 0);
  boss.notifyWorker((idle ?? consumers[nextWake++ % consumers.length]).id);
}
let nextWake = 0;

/**
 * Queues a regrade's jobs inside the caller's transaction, with the run row. Same queue and workers
 * as live grading (one fleet to run and scale), but below live priority: workers fetch by priority,
 * so a slot that frees up always goes to a waiting student submission first. Their own group per
 * student keeps a regrade of old attempts from holding that student's one-at-a-time live slot.
 */
export async function enqueueRegrades(boss: PgBoss, tx: Db, jobs: (Required<GradeJobData> & { userId: string })[]): Promise<void> {
  if (jobs.length === 0) return;
  await boss.insert(
    GRADE_QUEUE,
    jobs.map((job) => ({
      data: { submissionId: job.submissionId, run: job.run, regradeRunId: job.regradeRunId } satisfies GradeJobData,
      priority: REGRADE_PRIORITY,
      group: { id: `regrade:${job.userId}` },
    })),
    { db: fromDrizzle(tx as never, sql as never) },
  );
}

/** Live submissions keep pg-boss's default priority 0; higher is fetched first. */
const REGRADE_PRIORITY = -10;

export async function stopQueue(): Promise<void> {
  const boss = await holder.__tensorgradeBoss?.catch(() => undefined);
  holder.__tensorgradeBoss = undefined;
  await boss?.stop({ graceful: true, timeout: 20_000 });
}
