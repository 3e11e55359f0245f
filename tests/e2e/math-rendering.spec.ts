import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_COURSE_TITLE, DEMO_EMAILS, openDemoStaffArea, signedInPage } from './helpers';

// KaTeX's markup and its stylesheet must come from the same version: with a mismatch, subscripts
// come out full size on the baseline ("xt") and \neq falls apart into "/ =". Measured in Chromium.

type SubscriptSizes = { base: number; sub: number; baseBottom: number; subBottom: number }[];

/** Font sizes (px) and bottoms of every letter with a sub/superscript in `scope`. */
function subscriptSizes(scope: Locator): Promise<SubscriptSizes> {
  return scope.evaluate((root) =>
    [...root.querySelectorAll('.katex-html .msupsub')].flatMap((supsub) => {
      const base = supsub.previousElementSibling;
      const sub = supsub.querySelector('.mtight');
      if (!base || !sub) return [];
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      return [{ base: px(base), sub: px(sub), baseBottom: base.getBoundingClientRect().bottom, subBottom: sub.getBoundingClientRect().bottom }];
    }),
  );
}

/** For each \neq in `scope`: the box of its slash glyph and of its "=" glyph. */
function neqGlyphs(scope: Locator) {
  return scope.evaluate((root) => {
    const glyphBox = (text: Text) => {
      const range = document.createRange();
      range.selectNodeContents(text);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right };
    };
    const leaves = (el: Element, char: string) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const found: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent === char) found.push(n as Text);
      return found;
    };
    // KaTeX draws \neq as the "not" slash U+E020 laid over "=" (an rlap of width 0).
    return [...root.querySelectorAll('.katex-html .mrel')]
      .filter((rel) => rel.textContent === '\uE020=' && rel.parentElement?.closest('.mrel') === null)
      .map((rel) => ({ slash: glyphBox(leaves(rel, '\uE020')[0]), equals: glyphBox(leaves(rel, '=')[0]) }));
  });
}

/** Inline formulas (not display ones) whose bases sit on more than one line. */
function wrappedInlineFormulas(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) =>
    [...root.querySelectorAll('.katex')]
      .filter((k) => !k.closest('.katex-display'))
      .filter((k) => new Set([...k.querySelectorAll(':scope > .katex-html > *')].map((b) => Math.round(b.getBoundingClientRect().top))).size > 1)
      .map((k) => k.querySelector('annotation')?.textContent ?? k.textContent ?? ''),
  );
}

function expectSubscriptsSmaller(sizes: SubscriptSizes) {
  expect(sizes.length).toBeGreaterThan(0);
  for (const s of sizes) {
    expect(s.sub, 'subscript font size vs base letter').toBeLessThan(s.base * 0.8);
  }
  // Subscripts (the majority here) hang below their letter.
  expect(sizes.some((s) => s.subBottom > s.baseBottom + 1)).toBe(true);
}

// One date format on every page, in the course's zone (the demo course's is UTC): "Tue 1 Dec 2026, 17:00 UTC".
const DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$/;

async function expectDatesInOneFormat(page: Page, where: Locator) {
  const times = await where.locator('time').allTextContents();
  expect(times.length, `dates on ${page.url()}`).toBeGreaterThan(0);
  for (const t of times) expect(t).toMatch(DATE);
}

async function openItem(page: Page, name: RegExp) {
  await page.goto('/courses');
  await page.getByRole('link', { name: new RegExp(DEMO_COURSE_TITLE.replace(/[()]/g, '\\$&')) }).click();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('math is typeset: subscripts are smaller than their letter, \\neq is one glyph, inline math does not wrap', async ({ browser }) => {
  test.setTimeout(150_000);
  // A fresh student, so starting the quiz does not use the demo student's attempt.
  const instructor = await signedInPage(browser, DEMO_EMAILS.instructor);
  const { joinCode } = await openDemoStaffArea(instructor);
  const page = await (await browser.newContext()).newPage();
  const suffix = randomUUID().slice(0, 8);
  await page.goto('/register');
  await page.getByLabel('Name').fill(`Math Reader ${suffix}`);
  await page.getByLabel('E-mail').fill(`math-${suffix}@example.test`);
  await page.getByLabel('Password').fill('a quiet lattice of weights');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await page.getByLabel('Join code').fill(joinCode!);
  await page.getByRole('button', { name: 'Join course' }).click();
  await expect(page.getByRole('heading', { name: DEMO_COURSE_TITLE })).toBeVisible();
  await mkdir('tests/e2e/artifacts', { recursive: true });

  await page.setViewportSize({ width: 1280, height: 900 });
  // Titles are typeset too, in the course's item list (where joining lands): no raw "$x_t$".
  const ddpmLink = page.getByTestId('course-item').filter({ hasText: 'DDPM reverse step' }).getByRole('link');
  await expect(ddpmLink.locator('.katex')).toHaveCount(2);
  await expect(ddpmLink).not.toContainText('$');
  await expectDatesInOneFormat(page, page.locator('main'));
  await page.screenshot({ path: 'tests/e2e/artifacts/course-items.png', fullPage: true });
  await openItem(page, /DDPM reverse step/);
  const statement = page.locator('main');
  await expect(statement.locator('.katex').first()).toBeVisible();
  const ddpm = await subscriptSizes(statement);
  console.log(`DDPM statement: ${ddpm.length} scripts, first x_t: base ${ddpm[0]?.base}px, subscript ${ddpm[0]?.sub}px`);
  expectSubscriptsSmaller(ddpm);
  await expectDatesInOneFormat(page, page.locator('main'));
  await page.screenshot({ path: 'tests/e2e/artifacts/ddpm-statement.png', fullPage: true });
  // A phone-width column: a formula such as $x_{t-1}$ stays on one line.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await wrappedInlineFormulas(statement)).toEqual([]);
  await page.screenshot({ path: 'tests/e2e/artifacts/ddpm-statement-mobile.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await openItem(page, /NT-Xent/);
  const neq = await neqGlyphs(page.locator('main'));
  console.log(`NT-Xent statement: ${neq.length} \\neq, first slash ${JSON.stringify(neq[0]?.slash)} over = ${JSON.stringify(neq[0]?.equals)}`);
  expect(neq.length).toBeGreaterThan(0);
  for (const { slash, equals } of neq) {
    // One glyph: the slash is drawn over the "=", not beside it.
    expect(slash.left).toBeGreaterThanOrEqual(equals.left - 1);
    expect(slash.right).toBeLessThanOrEqual(equals.right + 1);
  }

  await openItem(page, /Concepts: generative models/);
  await expect(page.locator('main header').getByText(/^Due /)).toHaveText(new RegExp(`^Due ${DATE.source.slice(1, -1)}`));
  await page.getByRole('button', { name: 'Start quiz' }).click();
  const prompt = page.getByTestId('question-reverse-steps-gaussian');
  await expect(prompt.locator('.katex').first()).toBeVisible();
  const quiz = await subscriptSizes(page.locator('main'));
  console.log(`quiz page: ${quiz.length} scripts`);
  expectSubscriptsSmaller(quiz);
  // The window around a prompt with x_{t-1}, readable at full size (the whole quiz is 6000 px tall).
  await prompt.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/artifacts/quiz-page.png' });
  // Submitted (blank), so the analytics below have an attempt whose prompts they list.
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);

  // Staff pages: the gradebook's column header and the analytics' prompts, typeset.
  await instructor.goto(instructor.url().replace(/\/staff$/, '/staff/gradebook'));
  const header = instructor.getByTestId('gradebook').getByRole('columnheader').filter({ hasText: 'DDPM reverse step' });
  await expect(header.locator('.katex')).toHaveCount(2);
  await expect(header).not.toContainText('$');
  await instructor.setViewportSize({ width: 1366, height: 768 });
  await instructor.screenshot({ path: 'tests/e2e/artifacts/gradebook-titles.png' });
  await instructor.goto(instructor.url().replace(/\/gradebook$/, '/analytics'));
  const prompts = instructor.getByTestId('quiz-analytics').first().locator('td').filter({ hasText: 'reverse-steps-gaussian' });
  await expect(prompts.locator('.katex')).toHaveCount(1);
  await expect(prompts).not.toContainText('$');
});
