import { PgBoss, fromDrizzle, fromPglite } from 'pg-boss';
import { sql } from 'drizzle-orm';
import { db, getDbHandle, type Db } from '../client';

export const GRADE_QUEUE = 'grade-submission';
/** Jobs that used up their retries land here (pg-boss copies them), so their submission is marked failed, never left 'grading'. */
export const GRADE_DEAD_LETTER_QUEUE = 'grade-submission-dead';
// regradeRunId is set for regrade jobs: grade against that run's version, store a report that counts only once accepted.
export type GradeJobData = { submissionId: string; run: number; regradeRunId?: string };

/** Infrastructure failures (a crashed sandbox) are retried this often; a student's bug never is. */
export const GRADE_RETRY_LIMIT = 2;

/** pg-boss fails (and so retries) an active job whose worker has not beaten for this long. Its minimum. */
export const GRADE_HEARTBEAT_SECONDS = 10;

/**
 * How often pg-boss looks for jobs whose heartbeat lapsed (its monitor pass). Its default of 60 s
 * left a job whose worker was killed active for 61–68 s. On PostgreSQL a dead worker is noticed
 * within heartbeat + 1 s and its job is fetched again at once (retryDelay 0, 0.5 s polls): a kill
 * costs at most ~11.5 s plus the grading itself. A pass is a few indexed queries, only one instance runs it per
 * interval (pg-boss claims the pass), and pg-boss backs its stats aggregate off when it gets slow. Embedded PGlite runs every query on the web server's thread,
 * and it has no other worker to lose: its dead jobs are handed back at start (requeueOrphanedJobs),
 * so the monitor there only backs up expiry and can run less often.
 */
const MONITOR_SECONDS = { postgres: 1, pglite: 5 } as const;

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
      ? new PgBoss({ connectionString: handle.url, max: 4, useListenNotify: true, ...monitorOptions('postgres') })
      : new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite', useListenNotify: true, ...monitorOptions('pglite') });
  boss.on('error', (error) => console.error('[queue]', error));
  await boss.start();
  const queueOptions = {
    retryLimit: GRADE_RETRY_LIMIT,
    // At once: a crashed sandbox has been replaced by then, and a job whose worker died has
    // already waited out its heartbeat.
    retryDelay: 0,
    expireInSeconds: 120,
    // Workers beat every 5 s (pg-boss: half the heartbeat); a job whose worker vanished (kill -9,
    // lost machine) is failed, and so retried, by the first monitor pass 10 s after its last beat.
    // A live worker keeps beating, so a worker that starts never takes its jobs.
    heartbeatSeconds: GRADE_HEARTBEAT_SECONDS,
    // A job failed for good (a worker killed on its last retry, a handler error on its last try)
    // is copied here; its consumer marks the submission failed with the message students see.
    deadLetter: GRADE_DEAD_LETTER_QUEUE,
    // NOTIFY on every new job wakes idle workers at once. Without it a worker that just finished a
    // job sleeps out its polling interval first, which capped a server at ~16 gradings/s however
    // idle its sandboxes were (npm run bench:load: jobs waited seconds in the queue, graded in 0.1 s).
    // Embedded PGlite has one process, which wakes one of its own consumers instead (wakeOneConsumer).
    notify: handle.kind === 'postgres',
  };
  const createIfMissing = (error: unknown) => {
    if (!/already exists/i.test(String(error))) throw error;
  };
  // The dead-letter queue first: a queue's deadLetter must name an existing queue.
  await boss.createQueue(GRADE_DEAD_LETTER_QUEUE, { retryLimit: 5, retryDelay: 2, expireInSeconds: 60 }).catch(createIfMissing);
  await boss.createQueue(GRADE_QUEUE, queueOptions).catch(createIfMissing);
  // A database created by an earlier release keeps its queue as it was: bring the options up to date.
  await boss.updateQueue(GRADE_QUEUE, queueOptions);
  // pg-boss caches queue metadata at start, before the queue above may have existed; a cold cache
  // makes send() look the queue up on pg-boss's own connection. Inside a transaction on PGlite's
  // single connection that lookup waits for the transaction that waits for it. Any queue-scoped
  // call fills the cache; deleting a job id that cannot exist is a harmless one.
  await boss.deleteJob(GRADE_QUEUE, '00000000-0000-0000-0000-000000000000');
  await boss.deleteJob(GRADE_DEAD_LETTER_QUEUE, '00000000-0000-0000-0000-000000000000');
  return boss;
}

function monitorOptions(kind: keyof typeof MONITOR_SECONDS) {
  // The supervise timer starts each pass; the monitor interval is how often a pass claims expiry.
  // Retention (maintenanceIntervalSeconds) has nothing to do with dead workers and keeps its default.
  return { superviseIntervalSeconds: MONITOR_SECONDS[kind], monitorIntervalSeconds: MONITOR_SECONDS[kind] };
}

/**
 * Embedded mode, at start, before this process consumes: PGlite's data directory is open in one
 * process only, so every job still marked active was taken by a process that is gone. Fails them
 * through pg-boss (its fail() re-queues a job with retries left, at once after retryDelay, and
 * dead-letters one without), in one transaction with their submissions going back to 'queued',
 * instead of leaving them to the heartbeat monitor. Never call this where another worker may live.
 */
export async function requeueOrphanedJobs(boss: PgBoss): Promise<number> {
  return db().transaction(async (tx) => {
    // pgboss.job is pg-boss's documented job table; FOR UPDATE keeps the set fixed until commit.
    const result = await tx.execute(sql`select id from pgboss.job where name = ${GRADE_QUEUE} and state = 'active' for update`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string }[];
    if (rows.length === 0) return 0;
    // No output object: postgres.js cannot bind one through drizzle's transaction (the log says why).
    await boss.fail(
      GRADE_QUEUE,
      rows.map((row) => row.id),
      null,
      { db: fromDrizzle(tx as never, sql as never) },
    );
    await tx.execute(sql`update submissions set status = 'queued' where status = 'grading'`);
    return rows.length;
  });
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
