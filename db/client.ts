import fs, { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { getEnv } from '../env';
import * as schema from './schema';

/** The one database type the queries see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = { kind: 'postgres'; db: Db; sql: postgres.Sql; url: string; close(): Promise<void> } | { kind: 'pglite'; db: Db; pglite: PGlite; close(): Promise<void> };

/**
 * `url` set: a Postgres server. Otherwise PGlite in `dataDir` (`memory://` for a throwaway database);
 * `loadDataDir`, a backup tarball, fills an empty `dataDir` (npm run restore).
 */
export function openDatabase(options: { url?: string; dataDir?: string; maxConnections?: number; loadDataDir?: Blob }): DbHandle {
  if (options.url) {
    const sql = postgres(options.url, { max: options.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzlePostgres({ client: sql, schema }) as unknown as Db;
    return { kind: 'postgres', db, sql, url: options.url, close: () => sql.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = dataDir.startsWith('memory://') ? new PGlite(dataDir) : new PGlite({ dataDir, fs: new DurableNodeFS(dataDir), startParams: DURABLE_START_PARAMS, loadDataDir: options.loadDataDir });
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return { kind: 'pglite', db, pglite, close: () => pglite.close() };
}

/**
 * PGlite, as shipped, is safe against a killed process (its writes are in the OS's page cache) but
 * not against an OS crash or power loss: it starts Postgres with -F (fsync off), and its Node
 * filesystem (emscripten's NODEFS) has no fsync, so even fsync=on would sync nothing. Both fixed
 * here: fsync on, and NODEFS's fsync reaching the real file, so a commit returns only once its WAL
 * is on disk and a checkpoint only once its pages are. `.data/` is then as durable as a Postgres
 * server's on the same disk. Costs one fdatasync per commit on the server's thread.
 */
const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];

type NodefsStream = { nfd?: number };
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, opts);
    const preRun = [result.emscriptenOpts.preRun ?? []].flat();
    const withFsync = (mod: { NODEFS: { stream_ops: Record<string, unknown> } }) => {
      // Through the fs object, not a bound import: tests watch fs.fsyncSync to see it called.
      mod.NODEFS.stream_ops.fsync = (stream: NodefsStream) => {
        if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd);
        return 0;
      };
    };
    return { emscriptenOpts: { ...result.emscriptenOpts, preRun: [...preRun, withFsync as never] } };
  }
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
