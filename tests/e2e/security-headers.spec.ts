import { expect, test, type Page, type Response } from '@playwright/test';
import { DEMO_COURSE_TITLE, DEMO_EMAILS, pasteIntoEditor, signIn } from './helpers';

const RIGHT = `function tripletLoss(anchor, positive, negative, margin) {
  const dPos = tf.sum(tf.squaredDifference(anchor, positive), -1);
  const dNeg = tf.sum(tf.squaredDifference(anchor, negative), -1);
  return tf.mean(tf.maximum(tf.add(tf.sub(dPos, dNeg), margin), 0));
}
`;

function expectSecurityHeaders(response: Response | null) {
  expect(response).not.toBeNull();
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  // The directives that matter most; the exercise test below shows the rest lets the app work.
  for (const directive of ["default-src 'self'", "script-src 'self' 'unsafe-inline';", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) {
    expect(csp, `CSP of ${response!.url()}`).toContain(directive);
  }
  expect(csp).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
}

/** Console messages and securitypolicyviolation events (pages and their workers) naming the CSP. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${message.type()}: ${message.text()}`);
  });
  page.on('worker', (worker) =>
    worker.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`worker ${worker.url()}: ${message.text()}`);
    }),
  );
  page.on('pageerror', (error) => {
    if (/Content Security Policy|unsafe-eval/i.test(error.message)) violations.push(`pageerror: ${error.message}`);
  });
  return violations;
}

test('security headers on /login and an exercise page; Monaco, the Run worker and KaTeX work under the CSP', async ({ page }) => {
  test.setTimeout(150_000);
  const violations = collectCspViolations(page);
  expectSecurityHeaders(await page.goto('/login'));

  await signIn(page, DEMO_EMAILS.student);
  await page.getByRole('link', { name: new RegExp(DEMO_COURSE_TITLE.replace(/[()]/g, '\\$&')) }).click();
  await page.getByRole('link', { name: 'Triplet loss' }).click();
  await expect(page.getByRole('heading', { name: 'Triplet loss', level: 1 })).toBeVisible();
  const exerciseResponse = await page.reload();
  expectSecurityHeaders(exerciseResponse);

  // KaTeX: typeset, with its fonts loaded (font-src) and its styles applied (style-src).
  await expect(page.locator('.katex').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => [...document.fonts].some((font) => font.family.includes('KaTeX') && font.status === 'loaded'))).toBe(true);

  // Monaco and its workers, then Run: tfjs and the student's code in the Run worker.
  await pasteIntoEditor(page, page.getByTestId('monaco-ready'), RIGHT);
  await page.getByRole('button', { name: /Run visible tests/ }).click();
  const run = page.getByTestId('run-results');
  await expect(run).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  // Without 'unsafe-eval' in the worker script's own policy the student's code cannot be evaluated
  // there: Run reports 0 of 2 and nothing reaches the console (seen with the /_next/static rule removed).
  await expect(page.getByTestId('announcer')).toContainText('2 of 2 visible tests passed');

  expect(violations).toEqual([]);
});

test('a session cookie copied before sign-out no longer opens /courses after it', async ({ browser }) => {
  const original = await browser.newContext();
  const page = await original.newPage();
  await signIn(page, DEMO_EMAILS.grader);

  const copy = await browser.newContext();
  await copy.addCookies(await original.cookies());
  const thief = await copy.newPage();
  await thief.goto('/courses');
  await expect(thief).toHaveURL(/\/courses$/);
  await expect(thief.getByTestId('signed-in-user')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);

  await thief.goto('/courses');
  await expect(thief).toHaveURL(/\/login\?callbackUrl=%2Fcourses$/);
  await expect(thief.getByTestId('signed-in-user')).toHaveCount(0);

  // Signing in again works, and the old copy stays dead.
  await signIn(page, DEMO_EMAILS.grader);
  await thief.goto('/courses');
  await expect(thief).toHaveURL(/\/login/);
  await original.close();
  await copy.close();
});
