import { expect, test, type Page } from '@playwright/test';
import { DEMO_COURSE_TITLE, DEMO_EMAILS, signIn } from './helpers';

// The student takes the concepts quiz seeded into the demo assignment: some answers right, some
// wrong, one short answer the scorer is unsure about; a reload mid-way keeps everything.
const UNSURE_SHORT = 'Flows model continuous densities, and image data is discrete, so we need to fix that mismatch.';

const question = (page: Page, id: string) => page.getByTestId(`question-${id}`);
const result = (page: Page, id: string) => page.getByTestId(`result-${id}`);

async function waitUntilSaved(page: Page) {
  await expect(page.getByTestId('autosave-status')).toHaveText('All answers saved');
}

test('a student answers the concepts quiz, reloads without losing answers, submits and reads per-question feedback', async ({ page }) => {
  await signIn(page, DEMO_EMAILS.student);
  await page.getByRole('link', { name: new RegExp(DEMO_COURSE_TITLE.replace(/[()]/g, '\\$&')) }).click();
  await page.getByRole('link', { name: /Concepts: generative models/ }).click();
  await expect(page).toHaveURL(/\/courses\/[0-9a-f-]{36}\/quizzes\/[0-9a-f-]{36}$/);
  // Starting costs an attempt, and the page says so before the click.
  await expect(page.getByTestId('attempt-use')).toHaveText(/^This (uses attempt 1 of \d+|starts attempt 1; attempts are unlimited)/);
  await page.getByRole('button', { name: 'Start quiz' }).click();

  // Prompts are Markdown with LaTeX, typeset by KaTeX on the server.
  await expect(question(page, 'triplet-value').locator('.katex').first()).toBeVisible();

  await question(page, 'ssl-pretext-choice')
    .getByRole('radio', { name: /Hiding 15%/ })
    .check();
  await question(page, 'dequantization-without')
    .getByRole('radio', { name: /cannot be invertible/ })
    .check(); // wrong
  await question(page, 'triplet-value').getByRole('textbox').fill('0.2');
  await question(page, 'coupling-logdet').getByRole('textbox').fill('7'); // wrong
  const formula = question(page, 'triplet-formula').getByRole('textbox');
  await formula.fill('max(0, dAP - dAN + q');
  await expect(question(page, 'triplet-formula')).toContainText('not closed yet');
  await formula.fill('max(0, dAP - dAN + m)');
  await expect(question(page, 'triplet-formula')).toContainText('Looks well-formed');
  await waitUntilSaved(page);

  await page.reload();
  await expect(question(page, 'ssl-pretext-choice').getByRole('radio', { name: /Hiding 15%/ })).toBeChecked();
  await expect(question(page, 'triplet-value').getByRole('textbox')).toHaveValue('0.2');
  await expect(question(page, 'triplet-formula').getByRole('textbox')).toHaveValue('max(0, dAP - dAN + m)');

  await question(page, 'dequantization-idea').getByRole('textbox').fill(UNSURE_SHORT);
  await expect(question(page, 'dequantization-idea')).toContainText(`${UNSURE_SHORT.length} / 4000 characters`);
  await question(page, 'ssl-idea').getByRole('textbox').fill('The model learns useful representations from data without labels.');
  // Submitting right away must still store the last keystrokes (the submit flushes pending saves).
  await page.getByRole('button', { name: 'Submit answers' }).click();

  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('attempt-total')).toContainText('1 answer awaiting review');

  await expect(result(page, 'ssl-pretext-choice')).toContainText('Correct');
  await expect(result(page, 'ssl-pretext-choice').getByTestId('points')).toHaveText('1 / 1 points');
  await expect(result(page, 'dequantization-without').getByTestId('points')).toHaveText('0 / 1 points');
  await expect(result(page, 'coupling-logdet')).toContainText('Not correct');
  await expect(result(page, 'triplet-formula').getByTestId('points')).toHaveText('2 / 2 points');

  const unsure = result(page, 'dequantization-idea');
  await expect(unsure).toContainText('Awaiting review');
  await expect(unsure.getByTestId('points')).toHaveText('1 / 3 points (suggested)');
  await expect(unsure.getByRole('list', { name: 'Credited concepts' }).getByRole('listitem')).toHaveCount(1);
  await expect(unsure.getByRole('list', { name: 'Missing concepts' }).getByRole('listitem')).toHaveCount(2);

  const partial = result(page, 'ssl-idea');
  await expect(partial).toContainText('Partly correct');
  await expect(partial.getByTestId('points')).toHaveText('2 / 4 points');
  await expect(partial.getByRole('list', { name: 'Missing concepts' })).toContainText(/pretext/i);
  await expect(result(page, 'vae-diffusion-compare')).toContainText('No answer given.');

  // Nothing that grades reached the browser.
  const html = await page.content();
  expect(html).not.toContain('"correct":true');
  expect(html).not.toContain('phrasings');
  expect(html).not.toContain('modelAnswer');

  await page.getByRole('link', { name: 'Back to the quiz' }).click();
  await expect(page.getByText(/Attempt 1 · awaiting review/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start a new attempt' })).toBeVisible();
  await expect(page.getByTestId('attempt-use')).toContainText(/attempt 2\b/);
});
