import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { DEMO_EMAILS, openDemoStaffArea, signedInPage } from './helpers';

test('an instructor reads the gradebook, downloads a CSV a spreadsheet opens and opens analytics; a student may not', async ({ browser }) => {
  const page = await signedInPage(browser, DEMO_EMAILS.instructor);
  const { courseId } = await openDemoStaffArea(page);
  await page.getByRole('link', { name: /Gradebook/ }).click();
  await expect(page.getByRole('heading', { name: 'Gradebook' })).toBeVisible();

  const table = page.getByTestId('gradebook');
  await expect(table.getByRole('columnheader', { name: 'Week 1' })).toBeVisible();

  // At 1366 × 768 the items scroll sideways inside the table while Student and Total stay on screen.
  await page.setViewportSize({ width: 1366, height: 768 });
  const scroller = page.getByTestId('gradebook-scroll');
  const total = page.getByTestId('gradebook-total-header');
  const inViewport = async (box: { x: number; width: number } | null) => box !== null && box.x >= 0 && box.x + box.width <= 1366;
  expect(await inViewport(await total.boundingBox())).toBe(true);
  const overflow = await scroller.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
    overflowX: getComputedStyle(el).overflowX,
    bottom: el.getBoundingClientRect().bottom,
  }));
  expect(overflow.overflowX).toBe('scroll');
  // The box (and so its horizontal scrollbar) ends inside the window, not below the fold.
  expect(overflow.bottom).toBeLessThanOrEqual(768);
  await mkdir('tests/e2e/artifacts', { recursive: true });
  await page.screenshot({ path: 'tests/e2e/artifacts/gradebook-1366.png' });
  if (overflow.scrollWidth > overflow.clientWidth) {
    await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const student = await table.getByRole('columnheader', { name: 'Student', exact: true }).boundingBox();
    const box = (await scroller.boundingBox())!;
    expect(Math.abs(student!.x - box.x)).toBeLessThan(3);
    expect(await inViewport(await total.boundingBox())).toBe(true);
    await page.screenshot({ path: 'tests/e2e/artifacts/gradebook-1366-scrolled.png' });
    await scroller.evaluate((el) => el.scrollTo({ left: 0 }));
  }
  // axe (the engine behind the "serious" contrast finding) on the table: no colour-contrast violation.
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const contrast = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ include: [['[data-testid="gradebook-scroll"]']] }, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
  expect(contrast).toEqual([]);
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
  // Other specs may add assignments to the demo course; the seed's Week 1 alone has nine exercises.
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
