import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, setProcessDatabase, type DbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

/**
 * A fresh, migrated database for one test file: a new database on the Postgres server when
 * DATABASE_URL is set (as in CI), otherwise an in-memory PGlite. It becomes this process's db().
 */
export async function createTestDatabase(): Promise<{ handle: DbHandle; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(handle);
    setProcessDatabase(handle);
    return {
      handle,
      drop: async () => {
        setProcessDatabase(undefined);
        await handle.close();
      },
    };
  }
  const name = `tg_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), maxConnections: 4 });
  await migrateDatabase(handle);
  setProcessDatabase(handle);
  return {
    handle,
    drop: async () => {
      setProcessDatabase(undefined);
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
