import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { DbHandle } from './client';

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_KEY = 7_240_113;

export class MigrationError extends Error {}

/**
 * Applies pending migrations. drizzle runs them all in one transaction, so a failing migration
 * leaves the database exactly as it was.
 */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
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
    const detail = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      `Database migration failed: ${detail}\nNothing was changed: pending migrations run in one transaction.`,
      { cause: error },
    );
  }
}

