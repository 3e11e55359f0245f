import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_COURSE_TITLE, DEMO_EMAILS, pasteIntoEditor, signIn } from './helpers';

// The student's path through one exercise: Run (in the browser, visible tests), Submit (server,
// all tests), autosave across a reload, and the history of both submissions.
const WRONG = `function tripletLoss(anchor, positive, negative, margin) {
  const dPos = tf.sum(tf.squaredDifference(anchor, positive), -1);
  const dNeg = tf.sum(tf.squaredDifference(anchor, negative), -1);
  return tf.sum(tf.maximum(tf.add(tf.sub(dPos, dNeg), margin), 0));
}
`;
const RIGHT = WRONG.replace('return tf.sum(', 'return tf.mean(');

async function openTripletLoss(page: Page) {
  await page.goto('/courses');
  await page.getByRole('link', { name: new RegExp(DEMO_COURSE_TITLE.replace(/[()]/g, '\\$&')) }).click();
  await expect(page.getByRole('heading', { name: 'Assignments' })).toBeVisible();
  await expect(page.getByTestId('course-progress')).toBeVisible();
  await page.getByRole('link', { name: 'Triplet loss' }).click();
  await expect(page.getByRole('heading', { name: 'Triplet loss', level: 1 })).toBeVisible();
}

/** Replaces the editor's text the way a student often does: select all, paste over it. */
function typeSolution(page: Page, code: string) {
  return pasteIntoEditor(page, page.getByTestId('monaco-ready'), code);
}

test('a student runs, fixes, submits and finds their work again', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page, DEMO_EMAILS.student);
  await openTripletLoss(page);

  // Initial JavaScript: the scripts in the server-rendered HTML (Monaco and tfjs are added later, lazily).
  const html = await (await page.request.get(page.url())).text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => new URL(m[1].replace(/&amp;/g, '&'), page.url()).href))];
  let gzipBytes = 0;
  for (const src of scripts) gzipBytes += gzipSync(await (await page.request.get(src)).body()).length;
  console.log(`exercise page initial JS: ${scripts.length} scripts, ${(gzipBytes / 1024).toFixed(1)} kB gzip`);
  expect(gzipBytes).toBeLessThan(300 * 1024);

  // Wrong solution: Run (keyboard shortcut) leads with the mistake, once, above the failing visible tests.
  await typeSolution(page, WRONG);
  await page.keyboard.press('ControlOrMeta+Enter');
  const run = page.getByTestId('run-results');
  await expect(run).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(run.getByTestId('test-result').filter({ hasText: 'small batch computed by hand' })).toHaveAttribute('data-passed', 'false');
  const runDiagnosis = run.getByTestId('diagnosis');
  await expect(runDiagnosis).toHaveAttribute('data-diagnosis', 'sum-not-mean');
  await expect(runDiagnosis).toContainText('this is the sum over the batch: take the mean instead');
  await expect(run.getByText('take the mean instead')).toHaveCount(1);
  await expect(page.getByTestId('announcer')).toContainText('0 of 2 visible tests passed');
  await run.screenshot({ path: testInfo.outputPath('run-diagnosis.png') });

  // Submit the wrong one too, so the history has two attempts with different scores. The hidden
  // tests the mistake explains say so, with no per-test hint.
  await page.getByRole('button', { name: 'Submit' }).click();
  const submission = page.getByTestId('submission-results');
  await expect(submission).toHaveAttribute('data-status', 'graded', { timeout: 60_000 });
  await expect(page.getByTestId('submission-score')).not.toContainText('100 %');
  await expect(submission.getByTestId('diagnosis')).toHaveAttribute('data-diagnosis', 'sum-not-mean');
  await expect(submission.getByText('failed (hidden test) — the mistake named above').first()).toBeVisible();
  await expect(submission).not.toContainText('Hint:');
  await submission.screenshot({ path: testInfo.outputPath('submit-diagnosis.png') });

  // Fixed: Run passes. Time the warm run (tfjs already loaded in the spare worker).
  await typeSolution(page, RIGHT);
  await page.getByRole('button', { name: /Run visible tests/ }).click();
  await expect(run).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(run.getByTestId('test-result')).toHaveCount(2);
  await expect(run.locator('[data-testid="test-result"][data-passed="true"]')).toHaveCount(2);
  const runMs = Number(await page.getByTestId('run-timing').getAttribute('data-run-ms'));
  console.log(`in-browser Run of the triplet-loss visible tests: ${runMs} ms`);
  testInfo.annotations.push({ type: 'run-ms', description: String(runMs) });
  expect(runMs).toBeLessThan(500);

  // Submit: queued → grading → 100 % with every test listed, hidden ones included.
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('submit-info')).toContainText('Unlimited attempts (2 used)');
  await expect(submission).toHaveAttribute('data-status', 'graded', { timeout: 60_000 });
  await expect(page.getByTestId('submission-score')).toContainText('100 %');
  const tests = submission.getByTestId('test-result');
  await expect(tests).toHaveCount(6);
  await expect(submission.locator('[data-testid="test-result"][data-passed="false"]')).toHaveCount(0);
  await expect(submission).toContainText('hidden');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.screenshot({ path: testInfo.outputPath('exercise-desktop.png'), fullPage: true });

  // Reload: the draft comes back from the server, and the history lists both attempts.
  await page.reload();
  await expect(page.getByTestId('monaco-ready')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('monaco-ready')).toContainText('tf.mean(');
  const history = page.getByTestId('history-entry');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('Attempt 2');
  await expect(history.nth(0).getByTestId('history-score')).toHaveText('100 %');
  await expect(history.nth(1)).toContainText('Attempt 1');
  // The latest result is shown again after the reload.
  await expect(page.getByTestId('submission-score')).toContainText('100 %');

  // Diff the first attempt against the draft, then restore it (after confirming).
  await history.nth(1).getByRole('button', { name: 'Diff with draft' }).click();
  await expect(page.getByTestId('history-diff')).toBeVisible();
  await history.nth(1).getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('dialog', { name: 'Restore attempt 1?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('monaco-ready').locator('.view-lines')).toContainText('return tf.sum(');
  await typeSolution(page, RIGHT);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  // The course home shows the item's score.
  await page.getByRole('link', { name: /Week 1/ }).click();
  await expect(page.getByTestId('course-item').filter({ hasText: 'Triplet loss' }).getByTestId('item-status')).toHaveText('best 100 %');

  // Mobile width: nothing overflows sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goBack();
  await expect(page.getByTestId('monaco-ready')).toBeVisible({ timeout: 30_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('exercise-mobile.png'), fullPage: true });
});

test('restore and reset ask first, and a runaway loop is stopped without freezing the page', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO_EMAILS.student);
  await openTripletLoss(page);

  // tf's own declarations are loaded: completion knows its ops, and a misspelt one is flagged.
  await typeSolution(page, 'function tripletLoss(a, p, n, m) {\n  return tf.squaredDi');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.monaco-editor .suggest-widget')).toContainText('squaredDifference', { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await typeSolution(page, 'function tripletLoss(a, p, n, m) {\n  return tf.squaredDiference(a, p);\n}\n');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 30_000 });

  await typeSolution(page, 'function tripletLoss() {\n  while (true) {}\n}\n');
  await page.getByRole('button', { name: /Run visible tests/ }).click();
  const run = page.getByTestId('run-results');
  await expect(run).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(run).toContainText('time limit exceeded during this test');
  // The editor kept responding while the worker spun.
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });

  await page.getByRole('button', { name: 'Reset to stub' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset to the stub?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('monaco-ready')).toContainText('while');
  await page.getByRole('button', { name: 'Reset to stub' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('monaco-ready')).toContainText('TODO: squared distances');
});

test('a syntax error is named at its line and column by Run and by Submit, and underlined in the editor', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_EMAILS.student);
  await openTripletLoss(page);
  const editor = page.getByTestId('monaco-ready');

  // One closing brace too many, as a student leaves it after moving code around: line 4, column 2.
  await typeSolution(page, 'function tripletLoss(anchor, positive, negative, margin) {\n  const d = tf.sub(anchor, positive);\n  return d;\n}}\n');
  await page.getByRole('button', { name: /Run visible tests/ }).click();
  const run = page.getByTestId('run-results');
  await expect(run).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(run).toContainText("syntax error at line 4, column 2: Unexpected token '}'");
  await expect(editor).toHaveAttribute('data-syntax-error', '4:2');
  await expect(editor.locator('.squiggly-error').first()).toBeVisible();

  // The server's sandbox finds it at the same place.
  await page.getByRole('button', { name: 'Submit' }).click();
  const submission = page.getByTestId('submission-results');
  await expect(submission).toHaveAttribute('data-status', 'graded', { timeout: 60_000 });
  await expect(submission).toContainText("syntax error at line 4, column 2: Unexpected token '}'");
  await expect(editor).toHaveAttribute('data-syntax-error', '4:2');
  await page.screenshot({ path: testInfo.outputPath('syntax-error.png'), fullPage: true });

  // Fixed, the next Run clears the mark.
  await typeSolution(page, 'function tripletLoss(anchor, positive, negative, margin) {\n  return tf.sub(anchor, positive);\n}\n');
  await page.getByRole('button', { name: /Run visible tests/ }).click();
  await expect(run).not.toContainText('syntax error', { timeout: 60_000 });
  await expect(run).toHaveAttribute('data-state', 'done');
  await expect(editor).not.toHaveAttribute('data-syntax-error');
});
