/**
 * `npm run backup [file]`: a consistent copy of the embedded database (.data/pglite), taken while
 * the server runs (it writes the copy itself, db/backup.ts) or, when it is stopped, from the
 * directory directly. Default file: .data/backups/pglite-<time>.tar.gz. Restore with `npm run restore`.
 * On PostgreSQL (DATABASE_URL) back up the server with its own tools (pg_dump, base backups).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { EnvError, getEnv } from '../env';
import { openDatabase } from '../db/client';
import { hasDatabase, processesUsing, requestBackup, writeBackup } from '../db/backup';

async function main() {
  const env = getEnv();
  if (env.DATABASE_URL) throw new EnvError('DATABASE_URL is set: back up that PostgreSQL server with pg_dump (or its base backups); npm run backup copies the embedded database.');
  const dataDir = env.PGLITE_DIR;
  if (!hasDatabase(dataDir)) throw new EnvError(`No embedded database in ${dataDir}.`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(process.argv[2] ?? path.join('.data', 'backups', `pglite-${stamp}.tar.gz`));
  mkdirSync(path.dirname(file), { recursive: true });

  const served = await requestBackup(dataDir, file);
  if (served && !served.ok) throw new Error(`the server could not write the backup: ${served.error}`);
  if (served) {
    console.log(`Backup of the running server: ${file} (${served.bytes} bytes in ${served.ms} ms)`);
    return;
  }
  const users = processesUsing(dataDir);
  if (users.length > 0) throw new EnvError(`${dataDir} is open in process ${users.join(', ')} (a server starting?); try again once it serves requests.`);
  const handle = openDatabase({ dataDir });
  if (handle.kind !== 'pglite') throw new Error('unreachable');
  const { bytes } = await writeBackup(handle.pglite, file);
  await handle.close();
  console.log(`Backup of the stopped database: ${file} (${bytes} bytes)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
