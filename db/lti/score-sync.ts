import { sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import type { LTISession } from '@lti-tool/core';
import { db } from '../client';
import { getQueue } from '../grading/queue';
import * as q from '../queries/lti';
import { selectOwnItemScore } from '../queries/scores';
import { ltiTool } from './tool';

/**
 * Grade passback (AGS). A score change marks (resource link, student) in lti_score_syncs inside its own
 * transaction (db/queries/lti.ts markScoresChanged); a sweep turns pending rows into pg-boss jobs (claim and
 * enqueue in one transaction, so nothing is lost); a job reads the student's *current* final score through
 * the one score policy and posts it, so the latest score wins and a retried job posts the same value.
 */
export const LTI_SCORE_QUEUE = 'lti-score-sync';
export const SCORE_RETRY_LIMIT = 6;
type ScoreJob = { resourceLinkId: string; userId: string };

const SWEEP_MS = 1000;
const holder = globalThis as unknown as { __tensorgradeLtiSync?: Promise<{ stop(): Promise<void> }> };

export function startLtiScoreSync(): Promise<{ stop(): Promise<void> }> {
  holder.__tensorgradeLtiSync ??= start();
  return holder.__tensorgradeLtiSync;
}

async function start() {
  const boss = await getQueue();
  // Back-off 5 s, 10 s, 20 s, … (pg-boss retryBackoff), about 5 minutes over six retries.
  await boss.createQueue(LTI_SCORE_QUEUE, { retryLimit: SCORE_RETRY_LIMIT, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 }).catch((error: unknown) => {
    if (!/already exists/i.test(String(error))) throw error;
  });
  await boss.deleteJob(LTI_SCORE_QUEUE, '00000000-0000-0000-0000-000000000000');
  const workId = await boss.work<ScoreJob>(LTI_SCORE_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    await sendScoreJob(job.data, job.retryCount ?? 0);
  });
  let sweeping = Promise.resolve();
  const timer = setInterval(() => {
    sweeping = sweeping
      .then(async () => {
        await sweepPendingScores(boss);
      })
      .catch((error: unknown) => console.error('[lti] score sweep failed:', error instanceof Error ? error.message : error));
  }, SWEEP_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await sweeping;
      await boss.offWork(LTI_SCORE_QUEUE, { id: workId, wait: true });
      holder.__tensorgradeLtiSync = undefined;
    },
  };
}

/** Claims pending rows and enqueues one job each, in one transaction. */
export async function sweepPendingScores(boss: PgBoss): Promise<number> {
  return db().transaction(async (tx) => {
    const rows = await q.claimPendingScoreSyncs(tx);
    if (rows.length === 0) return 0;
    await boss.insert(
      LTI_SCORE_QUEUE,
      rows.map((row) => ({ data: { resourceLinkId: row.resourceLinkId, userId: row.userId } satisfies ScoreJob })),
      { db: fromDrizzle(tx as never, sql as never) },
    );
    return rows.length;
  });
}

/** One job: post the student's current final score to the line item (or nothing, if nothing counts yet). */
export async function sendScoreJob(job: ScoreJob, retryCount: number): Promise<void> {
  const target = await q.selectScoreSyncTarget(job.resourceLinkId, job.userId);
  if (!target) return;
  try {
    if (target.platform.disabledAt) throw new Error('The platform is disabled.');
    if (!target.itemId || !target.lineItemUrl) throw new Error('The LMS link has no item or line item.');
    const score = await selectOwnItemScore(target.userId, target.courseId, target.itemId);
    const final = score?.final ?? null;
    // Already delivered (a retried job, or a change that left the score as it was): nothing to post.
    if (final === null || (target.sentVersion > 0 && target.sentScore === final)) {
      await q.markScoreSyncSent(target.resourceLinkId, target.userId, target.version, target.sentVersion > 0 ? target.sentScore : null);
      return;
    }
    const maxPoints = await itemPoints(target.itemId, target.courseId);
    const session = {
      platform: { issuer: target.platform.issuer, clientId: target.platform.clientId, deploymentId: target.deploymentId, name: target.platform.name },
      services: { ags: { lineitem: target.lineItemUrl, scopes: [] } },
    } as unknown as LTISession;
    const tool = await ltiTool();
    const posted = tool.submitScore(session, {
      userId: target.subject,
      scoreGiven: final,
      scoreMaximum: maxPoints,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      timestamp: new Date().toISOString(),
    });
    // The library's fetch has no timeout. A platform that hangs must fail here, inside the job's
    // 60 s expiry, so the catch below records the attempt; an expired job would leave the row 'queued' for good.
    await withTimeout(posted, POST_TIMEOUT_MS, `the LMS did not answer within ${POST_TIMEOUT_MS / 1000} s`);
    await q.markScoreSyncSent(target.resourceLinkId, target.userId, target.version, final);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const final = retryCount >= SCORE_RETRY_LIMIT;
    await q.markScoreSyncAttemptFailed(target.resourceLinkId, target.userId, message, final);
    await q.notePlatformError(target.platform.id, `Score passback failed: ${message}`);
    throw error;
  }
}

const POST_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function itemPoints(itemId: string, courseId: string): Promise<number> {
  const item = await q.selectItemInCourse(itemId, courseId);
  return item?.points ?? 0;
}
