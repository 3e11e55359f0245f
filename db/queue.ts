import { PgBoss, fromDrizzle, fromPglite } from 'pg-boss';
import { sql } from 'drizzle-orm';
import { getDbHandle, type Db } from './client';

export const GRADE_QUEUE = 'grade-submission';
export type GradeJobData = { submissionId: string; run: number };

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
      ? new PgBoss({ connectionString: handle.url, max: 4 })
      : new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite' });
  boss.on('error', (error) => console.error('[queue]', error));
  await boss.start();
  await boss.createQueue(GRADE_QUEUE, {
    retryLimit: GRADE_RETRY_LIMIT,
    retryDelay: 1,
    expireInSeconds: 120,
    // Workers beat every 5 s; a job whose worker vanished (kill -9, lost machine) is retried after 10 s.
    heartbeatSeconds: 10,
  }).catch((error: unknown) => {
    if (!/already exists/i.test(String(error))) throw error;
  });
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
export async function enqueueGrading(boss: PgBoss, tx: Db, job: GradeJobData & { userId: string }): Promise<void> {
  await boss.send(GRADE_QUEUE, { submissionId: job.submissionId, run: job.run } satisfies GradeJobData, {
    db: fromDrizzle(tx as never, sql as never),
    group: { id: job.userId },
  });
}

export async function stopQueue(): Promise<void> {
  const boss = await holder.__tensorgradeBoss?.catch(() => undefined);
  holder.__tensorgradeBoss = undefined;
  await boss?.stop({ graceful: true, timeout: 20_000 });
}
