/**
 * `npm run worker`: a grading worker for scale-out. Run any number of them, on any machines,
 * with the same DATABASE_URL; each consumes the queue with WORKER_CONCURRENCY sandbox processes
 * (default: one per core), each grading WORKER_JOBS_PER_PROCESS jobs at once (default 4).
 */
import { availableParallelism } from 'node:os';
import { getEnv, EnvError } from '../env';
import { closeDatabase, getDbHandle } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { sandboxSettings, startGradingWorker } from '../db/grading/worker';
import { stopQueue } from '../db/grading/queue';

async function main() {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new EnvError('npm run worker needs DATABASE_URL: the embedded database belongs to the web server, which grades by itself in embedded mode.');
  }
  const concurrency = env.WORKER_CONCURRENCY ?? availableParallelism();
  await migrateDatabase(getDbHandle());
  const worker = await startGradingWorker({ concurrency, jobsPerProcess: env.WORKER_JOBS_PER_PROCESS, sandbox: sandboxSettings(env) });
  console.log(`Grading worker ${process.pid}: ${concurrency} sandbox process(es), waiting for jobs`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Finishing in-flight jobs…');
    await worker.stop();
    await stopQueue();
    await closeDatabase();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
