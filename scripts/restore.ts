/**
 * `npm run restore <file>`: puts a backup from `npm run backup` in place of the embedded database,
 * with the server stopped. The database it replaces is kept, renamed, and its path printed.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { EnvError, getEnv } from '../env';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { backupSocketPath, processesUsing } from '../db/backup';

async function main() {
  const env = getEnv();
  if (env.DATABASE_URL) throw new EnvError('DATABASE_URL is set: npm run restore restores the embedded database only.');
  const file = process.argv[2];
  if (!file || !existsSync(file)) throw new EnvError('Usage: npm run restore <backup.tar.gz> (from npm run backup)');
  const dataDir = env.PGLITE_DIR;
  // A server writing to the directory would be cut off from it mid-write: stop it first.
  const running = existsSync(backupSocketPath(dataDir)) && (await requestBackupProbe(dataDir));
  const users = processesUsing(dataDir);
  if (running || users.length > 0) throw new EnvError(`${dataDir} is in use (process ${users.join(', ') || 'serving it'}): stop the server first.`);

  let keptAt: string | undefined;
  if (existsSync(dataDir)) {
    keptAt = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, keptAt);
  }
  const handle = openDatabase({ dataDir, loadDataDir: new Blob([readFileSync(file)]) });
  // Opening replays the backup's WAL; migrating brings a backup of an older release up to date.
  await migrateDatabase(handle);
  await handle.close();
  console.log(`Restored ${file} into ${dataDir}.${keptAt ? ` The database it replaced is kept in ${keptAt}.` : ''}`);
}

/** Whether a server answers on the socket: a connection that is accepted means one is running. */
async function requestBackupProbe(dataDir: string): Promise<boolean> {
  const { createConnection } = await import('node:net');
  return new Promise((resolve) => {
    const connection = createConnection(backupSocketPath(dataDir));
    connection.on('connect', () => {
      connection.destroy();
      resolve(true);
    });
    connection.on('error', () => resolve(false));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
