import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_COURSE_TITLE, DEMO_EMAILS, openDemoStaffArea, signedInPage } from './helpers';

// A fresh student (so no other spec's work is in the way) submits the triplet-loss stub and an
// unsure short answer; a grader reviews the answer and overrides the coding score with a reason; the
// student sees the new score and the comments; the instructor finds the audit entry and the CSV row.
const UNSURE_SHORT = 'Flows model continuous densities, and image data is discrete, so we need to fix that mismatch.';
const REASON = 'The hidden batch test used a tolerance that was too strict';
const COMMENT = 'Your hinge is right; the hidden test was too strict, so full credit minus the mean.';
const REVIEW_COMMENT = 'The noise argument is implied: full marks.';

/** RFC 4180 rows: quoted cells may hold commas (the demo assignment title does). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')));
}

async function registerAndJoin(page: Page, name: string, email: string, joinCode: string) {
  await page.goto('/register');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('a quiet lattice of weights');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await page.getByLabel('Join code').fill(joinCode);
  await page.getByRole('button', { name: 'Join course' }).click();
  // Joining lands on the course; navigating away before it has (as this test once did) can cancel the join.
  await expect(page).toHaveURL(/\/courses\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: DEMO_COURSE_TITLE })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Assignments' })).toBeVisible();
}

test('a grader reviews an answer and overrides a score; the student sees it; the instructor audits and exports it', async ({ browser, page }) => {
  test.setTimeout(240_000);
  const instructor = await signedInPage(browser, DEMO_EMAILS.instructor);
  const { courseId, joinCode } = await openDemoStaffArea(instructor);
  const suffix = randomUUID().slice(0, 8);
  const name = `Grace Hopper ${suffix}`;
  const email = `grace-${suffix}@example.test`;
  await registerAndJoin(page, name, email, joinCode!);
  const coursePath = new URL(page.url()).pathname;

  await test.step('the student submits the stub and an unsure short answer', async () => {
    await page.getByRole('link', { name: 'Triplet loss' }).click();
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByTestId('submission-results')).toHaveAttribute('data-status', /graded|error/, { timeout: 90_000 });
    await page.goto(coursePath);
    await page.getByRole('link', { name: /Concepts: generative models/ }).click();
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.getByTestId('question-dequantization-idea').getByRole('textbox').fill(UNSURE_SHORT);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(page.getByTestId('attempt-total')).toContainText('1 answer awaiting review');
  });
  const attemptPath = new URL(page.url()).pathname;

  const grader = await signedInPage(browser, DEMO_EMAILS.grader);
  await test.step('the grader reviews the answer: model answer, machine credit pre-ticked, comment', async () => {
    // With no tab asked for, the queue opens on a tab where answers wait, and every tab shows its count.
    await grader.goto(`/courses/${courseId}/staff/review`);
    const current = grader.getByRole('navigation', { name: 'Queue filter' }).locator('[aria-current="page"]');
    await expect(current).toHaveText(/\((\d+)\)/);
    expect(Number((await current.textContent())!.match(/\((\d+)\)/)![1])).toBeGreaterThan(0);
    await expect(grader.getByTestId('review-row').first()).toBeVisible();
    await grader.goto(`/courses/${courseId}/staff/review?filter=all`);
    await grader.getByTestId('review-row').filter({ hasText: name }).getByRole('link').click();
    await expect(grader.getByText('Model answer')).toBeVisible();
    // j moves on (to the next answer, or back to the queue after the last one) without grading this one.
    const answerUrl = grader.url();
    // Retried: a key pressed before hydration has no listener yet.
    await expect(async () => {
      await grader.keyboard.press('j');
      await expect(grader).not.toHaveURL(answerUrl, { timeout: 1000 });
    }).toPass();
    await grader.goto(answerUrl);
    await expect(grader.getByTestId('student-answer')).toContainText(UNSURE_SHORT);
    const boxes = grader.getByRole('group', { name: 'Rubric' }).getByRole('checkbox');
    await expect(boxes).toHaveCount(3);
    await expect(grader.getByRole('group', { name: 'Rubric' }).locator('input:checked')).toHaveCount(1);
    await expect(grader.getByLabel(/Points \(out of 3\)/)).toHaveValue('1');
    for (const box of await boxes.all()) await box.check();
    await expect(grader.getByLabel(/Points \(out of 3\)/)).toHaveValue('3');
    await grader.getByLabel('Comment for the student (optional)').fill(REVIEW_COMMENT);
    await grader.getByRole('button', { name: 'Save & next' }).click();
    await grader.goto(`/courses/${courseId}/staff/review?filter=all`);
    await expect(grader.getByTestId('review-row').filter({ hasText: name })).toHaveCount(0);
  });

  await test.step('the grader finds the submission, sees hidden tests, and overrides with a reason', async () => {
    await grader.goto(`/courses/${courseId}/staff/submissions?student=${encodeURIComponent(email)}`);
    await expect(grader.getByTestId('submission-row')).toHaveCount(1);
    await grader.getByTestId('submission-row').getByRole('link', { name }).click();
    await expect(grader.getByTestId('staff-report')).toContainText('hidden');
    await expect(grader.getByTestId('submission-code')).toContainText('tripletLoss');
    // The form is about the item, not the attempt: it names the student and what the override replaces.
    await expect(grader.getByTestId('override-current')).toContainText(`Sets the final score of Triplet loss for ${name}`);
    await grader.getByLabel(/New final score \(points out of 10\)/).fill('8.5');
    await grader.getByLabel('Reason (audit trail, staff only)').fill(REASON);
    await grader.getByLabel('Comment for the student (optional)').fill(COMMENT);
    await grader.getByRole('button', { name: 'Set final score' }).click();
    await expect(grader.getByText("The item's final score is now 8.5 points.")).toBeVisible();
    await expect(grader.getByTestId('override-history')).toContainText(`→ 8.5 points by Grace Grader`);
    // The audit trail is for instructors; a grader is told exactly that.
    const audit = await grader.goto(`/courses/${courseId}/staff/audit`);
    expect(audit?.status()).toBe(403);
    await expect(grader.getByText('only open to the course’s instructors')).toBeVisible();
  });

  await test.step('the student sees the final score and both comments, never the reason', async () => {
    await page.goto(coursePath);
    await expect(page.getByTestId('course-item').filter({ hasText: 'Triplet loss' }).getByTestId('item-status')).toHaveText('8.5 / 10 pts (final)');
    await page.getByRole('link', { name: 'Triplet loss' }).click();
    await expect(page.getByTestId('final-score')).toContainText('Final score: 8.5 / 10 points');
    await expect(page.getByTestId('final-score')).toContainText(COMMENT);
    expect(await page.content()).not.toContain(REASON);
    await page.goto(attemptPath);
    await expect(page.getByTestId('result-dequantization-idea')).toContainText(`Grader: ${REVIEW_COMMENT}`);
    await expect(page.getByTestId('result-dequantization-idea').getByTestId('points')).toHaveText('3 / 3 points (graded by staff)');
    await expect(page.getByTestId('result-dequantization-idea')).not.toContainText('will review');
    await expect(page.getByTestId('attempt-total')).not.toContainText('awaiting review');
  });

  await test.step('the instructor sees the audit entry and the CSV row with the new score', async () => {
    await instructor.goto(`/courses/${courseId}/staff/audit`);
    const row = instructor.getByTestId('audit-row').filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Grace Grader');
    await expect(row).toContainText('→ 8.5');
    await expect(row).toContainText(REASON);
    const response = await instructor.request.get(`/courses/${courseId}/staff/gradebook/export.csv`);
    expect(response.status()).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    const column = header.findIndex((cell) => / — Triplet loss \(10\)$/.test(cell));
    expect(column).toBeGreaterThan(1);
    const studentRow = rows.find((r) => r[1] === email);
    expect(studentRow?.[0]).toBe(name);
    expect(studentRow?.[column]).toBe('8.5');
  });
});
