import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { DbHandle } from './client';

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');
// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_KEY = 7_240_113;

export class MigrationError extends Error {}

/**
 * Applies pending migrations. drizzle runs them all in one transaction, so a failing migration
 * leaves the database exactly as it was.
 */
export async function migrateDatabase(handle: DbHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  try {
    if (handle.kind === 'pglite') {
      await migratePglite(handle.db as never, { migrationsFolder });
      return;
    }
    // Several web servers or workers may start together: serialise them with an advisory lock held
    // on a dedicated single connection (the lock belongs to the session that took it).
    const lockSql = postgres(handle.url, { max: 1, onnotice: () => {} });
    try {
      await lockSql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      await migratePostgres(drizzlePostgres({ client: lockSql }), { migrationsFolder });
    } finally {
      await lockSql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
      await lockSql.end({ timeout: 5 });
    }
  } catch (error) {
    throw new MigrationError(`Database migration failed: ${describe(error)}\nNothing was changed: pending migrations run in one transaction.`, { cause: error });
  }
}

/** drizzle wraps the driver's error ("Failed query: …"); the root cause says what went wrong. */
function describe(error: unknown): string {
  let root = error;
  while (root instanceof Error && root.cause instanceof Error) root = root.cause;
  const rootMessage = root instanceof Error ? root.message : String(root);
  const query = error instanceof Error && error !== root ? error.message.split('\n')[0] : '';
  return query ? `${rootMessage}\n  (${query.slice(0, 300)})` : rootMessage;
}
