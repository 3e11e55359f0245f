import { expect, test, type Page } from '@playwright/test';
import { DEMO_EMAILS, openDemoStaffArea, registerAndJoin, signedInPage } from './helpers';

// Two new students open the concepts quiz: the bits-per-dimension question shows each of them their own
// D and log p(y). Each answers from the numbers on their own screen; the second also tries the first's answer.
const QUESTION = 'dequantized-bits-per-dim';

/** D and log p(y) as the page shows them (KaTeX keeps the source in its annotation). */
async function numbersShown(page: Page): Promise<{ D: number; logp: number }> {
  const tex = await page.getByTestId(`question-${QUESTION}`).locator('annotation').allTextContents();
  const D = Number(tex.map((t) => /^D = (\d+)$/.exec(t.trim())?.[1]).find(Boolean));
  const logp = Number(tex.map((t) => /^\\log p\(y\) = (\d+(?:\.\d+)?)$/.exec(t.trim())?.[1]).find(Boolean));
  return { D, logp };
}
const bitsPerDim = ({ D, logp }: { D: number; logp: number }) => (8 - logp / (D * Math.LN2)).toFixed(4);

async function startQuiz(page: Page) {
  await page.getByRole('link', { name: /Concepts: generative models/ }).click();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByTestId(`question-${QUESTION}`).locator('.katex').first()).toBeVisible();
}

test('two students see different numbers in a variant question and each is graded on their own', async ({ browser }) => {
  test.setTimeout(180_000);
  const instructor = await signedInPage(browser, DEMO_EMAILS.instructor);
  const { joinCode } = await openDemoStaffArea(instructor);
  const pages = [await (await browser.newContext()).newPage(), await (await browser.newContext()).newPage()];
  const numbers: { D: number; logp: number }[] = [];
  for (const [i, page] of pages.entries()) {
    await registerAndJoin(page, joinCode!, i === 0 ? 'Vera' : 'Walt');
    await startQuiz(page);
    numbers.push(await numbersShown(page));
    expect(numbers[i].D).toBeGreaterThan(0);
    expect(numbers[i].logp).toBeGreaterThan(0);
    await expect(page.getByTestId(`question-${QUESTION}`).getByTestId('variant-note')).toBeVisible();
    await page.getByTestId(`question-${QUESTION}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `tests/e2e/artifacts/quiz-variant-student-${i + 1}.png` });
  }
  // 1053 variants: two attempts share one with probability under 0.1 %; a reload shows the same numbers.
  expect(numbers[1]).not.toEqual(numbers[0]);
  await pages[0].reload();
  expect(await numbersShown(pages[0])).toEqual(numbers[0]);

  const input = (page: Page) => page.getByTestId(`question-${QUESTION}`).getByRole('textbox');
  await input(pages[0]).fill(bitsPerDim(numbers[0]));
  // The second student copies the first's answer.
  await input(pages[1]).fill(bitsPerDim(numbers[0]));
  for (const page of pages) {
    await expect(page.getByTestId('autosave-status')).toHaveText('All answers saved');
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
  }
  await expect(pages[0].getByTestId(`result-${QUESTION}`).getByTestId('points')).toHaveText('1 / 1 points');
  await expect(pages[1].getByTestId(`result-${QUESTION}`).getByTestId('points')).toHaveText('0 / 1 points');
  await expect(pages[1].getByTestId(`result-${QUESTION}`)).toContainText('Not correct');
  for (const [i, page] of pages.entries()) {
    await page.getByTestId(`result-${QUESTION}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `tests/e2e/artifacts/quiz-variant-result-${i + 1}.png` });
    const html = await page.content();
    expect(html).not.toContain('8 - logp');
    // The params' key, also where the RSC payload escapes its quotes (\\"choices\\").
    expect(html).not.toMatch(/\\*"choices\\*"/);
  }
});
