import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { getEnv } from '../env';
import * as schema from './schema';

/** The one database type the queries see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle =
  | { kind: 'postgres'; db: Db; sql: postgres.Sql; url: string; close(): Promise<void> }
  | { kind: 'pglite'; db: Db; pglite: PGlite; close(): Promise<void> };

/** `url` set: a Postgres server. Otherwise PGlite in `dataDir` (`memory://` for a throwaway database). */
export function openDatabase(options: { url?: string; dataDir?: string; maxConnections?: number }): DbHandle {
  if (options.url) {
    const sql = postgres(options.url, { max: options.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzlePostgres({ client: sql, schema }) as unknown as Db;
    return { kind: 'postgres', db, sql, url: options.url, close: () => sql.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir);
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return { kind: 'pglite', db, pglite, close: () => pglite.close() };
}

// One handle per process, kept on globalThis so Next's dev reloads do not open PGlite twice
// (its data directory must only ever be open once).
const holder = globalThis as unknown as { __tensorgradeDb?: DbHandle };

export function getDbHandle(): DbHandle {
  if (!holder.__tensorgradeDb) {
    const env = getEnv();
    holder.__tensorgradeDb = openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
  }
  return holder.__tensorgradeDb;
}

export function db(): Db {
  return getDbHandle().db;
}

/** Points this process at another database (tests, scripts that open their own handle). */
export function setProcessDatabase(handle: DbHandle | undefined): void {
  holder.__tensorgradeDb = handle;
}

export async function closeDatabase(): Promise<void> {
  const handle = holder.__tensorgradeDb;
  holder.__tensorgradeDb = undefined;
  await handle?.close();
}
