import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killGroup, startEmbeddedServer, waitFor, type Row } from './recovery-embedded';

// Correct and slow (~8 calls of 150 ms, ~1.2 s): still running when killed as soon as it grades.
const SLOW_CORRECT = `function tripletLoss(a, p, n, m) {
  const end = Date.now() + 150; while (Date.now() < end) {}
  const dap = a.sub(p).square().sum(1), dan = a.sub(n).square().sum(1);
  return dap.sub(dan).add(m).relu().mean();
}`;
// The requirement: a submission in flight during a crash is graded within 15 s of the restart.
const RECOVERY_BOUND_MS = 15_000;

const dataDir = mkdtempSync(join(tmpdir(), 'tg-embedded-'));
const servers: Awaited<ReturnType<typeof startEmbeddedServer>>[] = [];
const startServer = async () => {
  const server = await startEmbeddedServer(dataDir);
  servers.push(server);
  return server;
};
afterAll(() => {
  for (const server of servers) killGroup(server.child);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded server killed with kill -9 mid-job', () => {
  it('hands the cut-off jobs back at restart: graded within 15 s, exactly once, none lost', async () => {
    const first = await startServer();
    const { students, itemId } = await first.call<{ students: string[]; itemId: string }>({ op: 'setup', students: 2 });
    const ids: string[] = [];
    // The job cut off; a second submission of the same student queued behind it in the student's
    // group (which the dead job held for a minute before); another student's, queued.
    const FAST = SLOW_CORRECT.replace('150', '0');
    ids.push(await first.call<string>({ op: 'submit', userId: students[0], itemId, code: SLOW_CORRECT }));
    ids.push(await first.call<string>({ op: 'submit', userId: students[0], itemId, code: FAST }));
    ids.push(await first.call<string>({ op: 'submit', userId: students[1], itemId, code: FAST }));
    await waitFor(
      () => first.call<Row[]>({ op: 'rows' }),
      (rows) => rows.some((row) => row.id === ids[0] && row.status === 'grading'),
      30_000,
    );
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    killGroup(first.child);
    await exited;

    const restartedAt = Date.now();
    const second = await startServer();
    const readyMs = Date.now() - restartedAt;
    const rows = await waitFor(
      () => second.call<Row[]>({ op: 'rows' }),
      (r) => r.every((row) => row.status === 'graded'),
      60_000,
    );
    const elapsed = Date.now() - restartedAt;
    console.log(
      second
        .output()
        .split('\n')
        .filter((line) => /\[server\]|graded|handed back/.test(line))
        .join('\n'),
    );
    console.log(`[embedded-recovery] ${ids.length} in flight at the kill, all graded ${elapsed} ms after the restart (serving after ${readyMs} ms)`);
    expect(second.output()).toMatch(/job\(s\) cut off by the last stop handed back/);
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    expect(rows.map((row) => row.reports)).toEqual(rows.map(() => 1));
    expect(elapsed).toBeLessThan(RECOVERY_BOUND_MS);
  }, 120_000);
});
