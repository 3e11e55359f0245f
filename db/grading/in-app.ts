import { getEnv, isNextBuild } from '../../env';
import { serveBackups } from '../backup';
import { getDbHandle } from '../client';
import { sandboxSettings, startGradingWorker } from './worker';
import { startLtiScoreSync } from '../lti/score-sync';
import { getQueue, requeueOrphanedJobs } from './queue';

/**
 * In embedded mode (and single-server deployments) the web server consumes the grading queue
 * itself, with the sandboxes in child processes. GRADING_CONCURRENCY=0 turns this off for web
 * servers that leave grading to `npm run worker` machines.
 */
export async function startInAppGrading(): Promise<void> {
  if (isNextBuild()) return;
  const handle = getDbHandle();
  // Only the process that owns the embedded database can copy it consistently (db/backup.ts).
  if (handle.kind === 'pglite' && !getEnv().PGLITE_DIR.startsWith('memory://')) serveBackups(handle.pglite, getEnv().PGLITE_DIR);
  // LMS grade passback (a few HTTP posts, no sandbox) runs in every web server, grading or not. Not
  // awaited: a failure there is logged and must not keep this server from grading.
  startLtiScoreSync().catch((error: unknown) => console.error('[lti] score passback did not start:', error instanceof Error ? error.message : error));
  const concurrency = getEnv().GRADING_CONCURRENCY;
  if (concurrency === 0) return;
  // Embedded: this process is the database's only user, so jobs left active were cut off by a
  // crash. Hand them back before consuming, rather than a minute later by the heartbeat monitor.
  // Once per process: a second call (a dev reload) would take this process's own live jobs.
  const holder = globalThis as unknown as { __tensorgradeRecovered?: boolean };
  if (handle.kind === 'pglite' && !holder.__tensorgradeRecovered) {
    holder.__tensorgradeRecovered = true;
    const requeued = await requeueOrphanedJobs(await getQueue());
    if (requeued > 0) console.log(`Grading: ${requeued} job(s) cut off by the last stop handed back to the queue`);
  }
  const worker = await startGradingWorker({ concurrency, sandbox: sandboxSettings(getEnv()) });
  console.log(`Grading: ${concurrency} sandbox process(es) in this server`);
  const stop = () => void worker.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
