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
  return boss;
}

/**
 * Enqueues grading inside the caller's transaction: the submission row and its job commit or
 * roll back together, so no submission is ever left without a job (or a job without a row).
 * Jobs are grouped by student so the workers' per-group limit keeps one student's burst from
 * starving everybody else.
 */
export async function enqueueGrading(tx: Db, job: GradeJobData & { userId: string }): Promise<void> {
  const boss = await getQueue();
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
