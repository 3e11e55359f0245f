import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO_EMAILS, openDemoStaffArea, signedInPage } from './helpers';

test('an instructor reads the gradebook, downloads a CSV a spreadsheet opens and opens analytics; a student may not', async ({ browser }) => {
  const page = await signedInPage(browser, DEMO_EMAILS.instructor);
  const { courseId } = await openDemoStaffArea(page);
  await page.getByRole('link', { name: /Gradebook/ }).click();
  await expect(page.getByRole('heading', { name: 'Gradebook' })).toBeVisible();

  const table = page.getByTestId('gradebook');
  await expect(table.getByRole('columnheader', { name: 'Week 1' })).toBeVisible();
  const row = page.getByTestId('gradebook-row').filter({ hasText: DEMO_EMAILS.student });
  await expect(row).toHaveCount(1);
  // Staff are not students: they have no row.
  await expect(page.getByTestId('gradebook-row').filter({ hasText: DEMO_EMAILS.grader })).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-gradebook-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).split('\r\n').filter(Boolean);
  const header = lines[0];
  expect(header).toMatch(/^"Student name","Email",/);
  expect(header).toMatch(/"Week 1[^"]* — [^"]+ \(10\)"/);
  expect(header).toMatch(/"Total \(\d+(\.\d+)?\)"$/);
  const studentLine = lines.find((l) => l.includes(`"${DEMO_EMAILS.student}"`));
  expect(studentLine).toBeDefined();
  // Same number of cells as the header, and the total is a plain number.
  const cells = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.length - 1;
  expect(cells(studentLine!)).toBe(cells(header));
  expect(studentLine).toMatch(/,\d+(\.\d+)?$/);

  // The student's detail page opens from the row.
  await row.getByRole('link').click();
  await expect(page.getByTestId('student-item').first()).toBeVisible();

  // Analytics: every exercise of Week 1 has a card; the similarity check says what it is for.
  await page.goto(`/courses/${courseId}/staff/analytics`);
  await expect(page.getByRole('heading', { name: 'Analytics' })).toBeVisible();
  // Other specs may add assignments to the demo course; the seed alone has nine exercises.
  await expect(page.getByTestId('exercise-analytics').nth(8)).toBeVisible();
  await expect(page.getByTestId('quiz-analytics')).not.toHaveCount(0);
  await page.getByRole('link', { name: 'Similarity check' }).first().click();
  await expect(page.getByText('For a human to review — not a penalty.')).toBeVisible();
  await expect(page.getByTestId('similarity-summary')).toContainText('compared');
  await page.context().close();

  const student = await signedInPage(browser, DEMO_EMAILS.student);
  const refused = await student.request.get(`/courses/${courseId}/staff/gradebook/export.csv`);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain(DEMO_EMAILS.student);
  await student.context().close();
});
