import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { openDatabase, setProcessDatabase } from '@/db/client';
import { assignmentItems, assignments, courses } from '@/db/schema';
import { insertPlatform, linkContextToCourse } from '@/db/queries/lti';
import { selectUserByEmail } from '@/db/queries/users';
import { ROLE, startFakePlatform, type FakePlatform } from '../lti-platform/platform';
import { DEMO_EMAILS, pasteIntoEditor } from './helpers';

// Issue #18 as a student lives it: they click the activity in the LMS (the fake platform's page auto-posts
// the login), land signed in on the exercise, submit, and the LMS line item receives the score. Its own
// server on `localhost` (Secure cookies are allowed there over http) and its own embedded database.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 61;
const BASE = `http://localhost:${PORT}`;
const PGLITE_DIR = `.data/e2e-lti-${Date.now()}`;

const CORRECT = `function tripletLoss(anchor, positive, negative, margin) {
  return tf.mean(tf.relu(tf.sum(tf.squaredDifference(anchor, positive), -1).sub(tf.sum(tf.squaredDifference(anchor, negative), -1)).add(margin)));
}`;

function startServer(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...process.env, DATABASE_URL: '', PORT: String(PORT), PGLITE_DIR }, detached: true, stdio: 'ignore' });
}

async function waitFor(up: boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${BASE}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok === up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server on ${PORT} did not ${up ? 'answer' : 'stop'} within ${timeoutMs} ms`);
}

async function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
}

/** With the server stopped (PGlite has one process): register the fake LMS and link its course to the demo course. */
async function registerPlatform(platform: FakePlatform): Promise<string> {
  const handle = openDatabase({ dataDir: PGLITE_DIR });
  setProcessDatabase(handle);
  try {
    await insertPlatform(platform.registration);
    const [item] = await handle.db
      .select({ itemId: assignmentItems.id, courseId: courses.id })
      .from(assignmentItems)
      .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
      .innerJoin(courses, eq(courses.id, assignments.courseId))
      .where(and(eq(courses.code, 'DGM-DEMO'), eq(assignmentItems.exerciseId, 'triplet-loss')));
    const instructor = await selectUserByEmail(DEMO_EMAILS.instructor);
    const [platformRow] = await handle.db.query.ltiPlatforms.findMany();
    await linkContextToCourse(instructor!.id, item.courseId, platformRow.id, 'lms-course-1', 'DGM in the LMS');
    return item.itemId;
  } finally {
    setProcessDatabase(undefined);
    await handle.close();
  }
}

let server: ChildProcess | undefined;
let platform: FakePlatform | undefined;
test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, 'SIGKILL');
  await platform?.close();
});

test('a student launched from the LMS lands on the exercise, submits, and the LMS receives the score', async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  platform = await startFakePlatform({
    clientId: 'tensorgrade-e2e',
    deploymentId: 'dep-e2e',
    toolJwks: async () => (await fetch(`${BASE}/api/lti/jwks`)).json(),
    toolLoginUrl: `${BASE}/api/lti/login`,
  });
  // First start: migrations, content and the demo course; then stop to write the registration.
  server = startServer();
  await waitFor(true, 240_000);
  await stopServer(server);
  await waitFor(false, 20_000);
  const itemId = await registerPlatform(platform);
  platform.addUser({ sub: 'lms-ada', name: 'Ada Lovelace', email: 'ada@uni.test', roles: [ROLE.learner] });
  platform.addLink('triplet', { resourceLinkId: 'rl-triplet', contextId: 'lms-course-1', itemId, lineItem: 'li-triplet' });
  server = startServer();
  await waitFor(true, 120_000);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${platform.url}/launch/lms-ada/triplet`);
  await expect(page).toHaveURL(new RegExp(`${BASE}/courses/[^/]+/items/${itemId}$`), { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Triplet loss' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/artifacts/lti-landed.png', fullPage: true });
  const session = (await context.cookies(BASE)).find((c) => c.name === 'authjs.session-token');
  expect(session).toMatchObject({ sameSite: 'None', secure: true, httpOnly: true });

  await pasteIntoEditor(page, page.getByTestId('monaco-ready'), CORRECT);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('submission-results')).toHaveAttribute('data-status', 'graded', { timeout: 60_000 });
  await page.screenshot({ path: 'tests/e2e/artifacts/lti-graded.png', fullPage: true });

  await expect.poll(() => platform!.scores.length, { timeout: 30_000 }).toBe(1);
  expect(platform.scores[0]).toMatchObject({ lineItem: 'li-triplet', body: { userId: 'lms-ada', scoreGiven: 10, scoreMaximum: 10, gradingProgress: 'FullyGraded' } });
  testInfo.annotations.push({ type: 'lti-score', description: JSON.stringify(platform.scores[0].body) });
});
