import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { DEMO_COURSE_TITLE, DEMO_EMAILS, pasteIntoEditor, signIn } from './helpers';

// Issue #21 as a student lives it: the server is killed (kill -9 of the whole `npm start` process
// group) while their submission is being graded; after the restart the page they left open shows
// the result, graded once, within seconds. Its own server on its own port and embedded database,
// so the suite's shared server (and database) is not the one killed.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 57;
const BASE = `http://127.0.0.1:${PORT}`;
const PGLITE_DIR = `.data/e2e-crash-${Date.now()}`;

// Correct, but 450 ms per call: the job is still running when the server dies.
const SLOW_CORRECT = `function tripletLoss(anchor, positive, negative, margin) {
  const until = Date.now() + 450; while (Date.now() < until) {}
  return tf.mean(tf.relu(tf.sum(tf.squaredDifference(anchor, positive), -1).sub(tf.sum(tf.squaredDifference(anchor, negative), -1)).add(margin)));
}`;

function startServer(): ChildProcess {
  // Its own process group, so kill -9 takes the web server and its sandbox processes at once.
  // Embedded PGlite of its own even when the suite runs on PostgreSQL (CI exports DATABASE_URL): an
  // empty value means unset (env.ts), so this server never shares the suite's database.
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...process.env, DATABASE_URL: '', PORT: String(PORT), PGLITE_DIR }, detached: true, stdio: 'ignore' });
}

async function waitForServer(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(`${BASE}/login`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server on ${PORT} did not answer within ${timeoutMs} ms`);
}

let server: ChildProcess | undefined;
test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGKILL');
});

test('a submission being graded when the server is killed is graded once, seconds after the restart', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  server = startServer();
  await waitForServer(180_000);
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await signIn(page, DEMO_EMAILS.student);
  await page.getByRole('link', { name: new RegExp(DEMO_COURSE_TITLE.replace(/[()]/g, '\\$&')) }).click();
  await page.getByRole('link', { name: 'Triplet loss' }).click();
  await pasteIntoEditor(page, page.getByTestId('monaco-ready'), SLOW_CORRECT);
  await page.getByRole('button', { name: 'Submit' }).click();
  const submission = page.getByTestId('submission-results');
  await expect(submission).toHaveAttribute('data-status', 'grading', { timeout: 30_000 });

  process.kill(-server.pid!, 'SIGKILL');
  await expect
    .poll(() =>
      fetch(`${BASE}/login`).then(
        () => 'up',
        () => 'down',
      ),
    )
    .toBe('down');
  server = startServer();
  await waitForServer(60_000);
  const restarted = Date.now();

  // The page keeps following its submission through the outage and shows the result.
  await expect(submission).toHaveAttribute('data-status', 'graded', { timeout: 30_000 });
  const seconds = (Date.now() - restarted) / 1000;
  console.log(`graded ${seconds.toFixed(1)} s after the restarted server answered`);
  testInfo.annotations.push({ type: 'graded-after-restart-s', description: seconds.toFixed(1) });
  expect(seconds).toBeLessThan(15);
  await expect(page.getByTestId('submission-score')).toContainText('100 %');
  await page.screenshot({ path: testInfo.outputPath('graded-after-crash.png'), fullPage: true });

  // Graded exactly once: one attempt in the history, and the same after a reload.
  await page.reload();
  await expect(page.getByTestId('history-entry')).toHaveCount(1);
  await expect(page.getByTestId('history-entry').first().getByTestId('history-score')).toHaveText('100 %');
  await context.close();
});
