import { execFile } from 'node:child_process';
import fs, { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { killGroup, startEmbeddedServer, waitFor, type Row } from './recovery-embedded';
import { openDatabase } from '@/db/client';

const CORRECT = `function tripletLoss(a, p, n, m) {
  const dap = a.sub(p).square().sum(1), dan = a.sub(n).square().sum(1);
  return dap.sub(dan).add(m).relu().mean();
}`;
const STUDENTS = 12;

const root = mkdtempSync(join(tmpdir(), 'tg-backup-'));
const liveDir = join(root, 'live', 'pglite');
const restoredDir = join(root, 'restored', 'pglite');
const backupFile = join(root, 'backup.tar.gz');
const servers: Awaited<ReturnType<typeof startEmbeddedServer>>[] = [];
afterAll(() => {
  for (const server of servers) killGroup(server.child);
  rmSync(root, { recursive: true, force: true });
});

/** The real npm scripts, as an operator runs them, against the data directory `dir`. */
const npmScript = (script: 'backup' | 'restore', dir: string, file: string) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, file], {
    env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: dir },
    timeout: 120_000,
  });

describe('npm run backup while students submit, then npm run restore', () => {
  it('the backup restores to a database that starts and holds every submission acknowledged before it', async () => {
    const live = await startEmbeddedServer(liveDir);
    servers.push(live);
    const { students, itemId } = await live.call<{ students: string[]; itemId: string }>({ op: 'setup', students: STUDENTS });

    // Three rounds of every student at ~12 submissions/s; the backup is taken during the second.
    const acknowledged: { id: string; at: number }[] = [];
    const load = (async () => {
      for (let round = 0; round < 3; round++) {
        for (const userId of students) {
          const id = await live.call<string>({ op: 'submit', userId, itemId, code: CORRECT });
          acknowledged.push({ id, at: Date.now() });
          await new Promise((resolve) => setTimeout(resolve, 80));
        }
      }
    })();
    await waitFor(
      async () => acknowledged.length,
      (n) => n >= STUDENTS + 2,
      60_000,
    );
    const backupStartedAt = Date.now();
    const { stdout } = await npmScript('backup', liveDir, backupFile);
    expect(stdout).toMatch(/Backup of the running server/);
    await load;
    const beforeBackup = acknowledged.filter((a) => a.at < backupStartedAt).map((a) => a.id);

    // A restore refuses a directory its server still uses.
    await expect(npmScript('restore', liveDir, backupFile)).rejects.toThrow(/in use|stop the server/);
    killGroup(live.child);

    await npmScript('restore', restoredDir, backupFile);
    expect(existsSync(join(restoredDir, 'PG_VERSION'))).toBe(true);
    const restored = await startEmbeddedServer(restoredDir);
    servers.push(restored);
    // Jobs queued (or cut off mid-grading) at the backup's instant are graded after the restore, once.
    const rows = await waitFor(
      () => restored.call<Row[]>({ op: 'rows' }),
      (r) => r.every((row) => row.status === 'graded'),
      90_000,
    );
    const stored = new Set(rows.map((row) => row.id));
    expect(beforeBackup.length).toBeGreaterThanOrEqual(STUDENTS + 2);
    for (const id of beforeBackup) expect(stored.has(id)).toBe(true);
    expect(rows.map((row) => row.reports)).toEqual(rows.map(() => 1));
    console.log(`[backup] ${acknowledged.length} submitted, ${beforeBackup.length} before the backup, ${rows.length} in the restored database, all graded once`);
  }, 240_000);
});

describe('the embedded database survives an OS crash, not only a killed process', () => {
  it('opens with fsync on, and every commit reaches the disk through fsync', async () => {
    const handle = openDatabase({ dataDir: join(root, 'durable') });
    if (handle.kind !== 'pglite') throw new Error('expected PGlite');
    const fsyncSync = fs.fsyncSync;
    let calls = 0;
    fs.fsyncSync = (fd) => {
      calls++;
      fsyncSync(fd);
    };
    try {
      await handle.pglite.exec('create table t (x int)');
      expect((await handle.pglite.query<{ fsync: string }>('show fsync')).rows).toEqual([{ fsync: 'on' }]);
      const before = calls;
      for (let i = 0; i < 20; i++) await handle.pglite.query('insert into t values ($1)', [i]);
      // PGlite's own defaults (-F, a filesystem without fsync) would sync nothing at all.
      expect(calls - before).toBeGreaterThanOrEqual(20);
    } finally {
      fs.fsyncSync = fsyncSync;
      await handle.close();
    }
  }, 60_000);
});
