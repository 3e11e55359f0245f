import { getEnv } from '../env';
import { startGradingWorker } from './grading-worker';

/**
 * In embedded mode (and single-server deployments) the web server consumes the grading queue
 * itself, with the sandboxes in child processes. GRADING_CONCURRENCY=0 turns this off for web
 * servers that leave grading to `npm run worker` machines.
 */
export async function startInAppGrading(): Promise<void> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const concurrency = getEnv().GRADING_CONCURRENCY;
  if (concurrency === 0) return;
  const worker = await startGradingWorker({ concurrency });
  console.log(`Grading: ${concurrency} sandbox process(es) in this server`);
  const stop = () => void worker.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
