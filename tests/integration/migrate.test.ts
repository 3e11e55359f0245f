import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { migrateDatabase, MigrationError } from '@/db/migrate';
import { insertUser, selectUserByEmail } from '@/db/queries/users';
import type { DbHandle } from '@/db/client';

let handle: DbHandle;
let drop: () => Promise<void>;
let folder: string;

beforeAll(async () => {
  ({ handle, drop } = await createTestDatabase());
  // The real migrations plus one that changes a table and then fails half-way.
  folder = mkdtempSync(path.join(tmpdir(), 'tg-migrations-'));
  cpSync(path.join('db', 'migrations'), folder, { recursive: true });
  writeFileSync(path.join(folder, '9999_broken.sql'), 'ALTER TABLE users ADD COLUMN nickname text;\n--> statement-breakpoint\nSELECT 1 / 0;');
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries.push({ idx: journal.entries.length, version: '7', when: Date.now() + 60_000, tag: '9999_broken', breakpoints: true });
  writeFileSync(journalPath, JSON.stringify(journal));
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await drop();
});

it('stops with a clear error and leaves the data as it was when a migration fails', async () => {
  await insertUser({ email: 'keep@uni.test', name: 'Keep', password: 'a fine long password' });
  const error = await migrateDatabase(handle, folder).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MigrationError);
  expect((error as Error).message).toMatch(/migration failed: .*division by zero[\s\S]*Nothing was changed/i);
  expect(await selectUserByEmail('keep@uni.test')).not.toBeNull();
  const result = await handle.db.execute(sql`select column_name from information_schema.columns where table_name = 'users' and column_name = 'nickname'`);
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  expect(rows).toHaveLength(0);
  // Running the good migrations again is a no-op.
  await expect(migrateDatabase(handle)).resolves.toBeUndefined();
});
