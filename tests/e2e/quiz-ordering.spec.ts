import { expect, test, type Locator } from '@playwright/test';
import { DEMO_EMAILS, openDemoStaffArea, registerAndJoin, signedInPage } from './helpers';

// An ordering question answered with the keyboard only: Tab to a row's Move up / Move down button,
// press Enter or Space. The right order of the DDPM sampling steps, as the quiz file lists them:
const RIGHT = ['pure-noise', 'predict-noise', 'posterior-mean', 'add-noise'];

const itemIds = (question: Locator) => question.getByRole('listitem').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-id')!));

test('a student puts the DDPM sampling steps in order with the keyboard, reloads, submits and earns full points', async ({ browser, page }) => {
  test.setTimeout(150_000);
  // A fresh student, so this does not use the demo student's attempts.
  const instructor = await signedInPage(browser, DEMO_EMAILS.instructor);
  const { joinCode } = await openDemoStaffArea(instructor);
  await registerAndJoin(page, joinCode!, 'Olga Orderer');
  await page.getByRole('link', { name: /Concepts: generative models/ }).click();
  await page.getByRole('button', { name: 'Start quiz' }).click();

  const question = page.getByTestId('question-ddpm-sampling-order');
  await expect(question).toContainText('Not answered yet');
  const shown = await itemIds(question);
  // Shuffled for the attempt and never shown in the right order.
  expect([...shown].sort()).toEqual([...RIGHT].sort());
  expect(shown).not.toEqual(RIGHT);
  await expect(question.locator('.katex').first()).toBeVisible();

  // Selection sort by keyboard: bring each item up to its place, one Move up at a time.
  for (let target = 0; target < RIGHT.length; target++) {
    let at = (await itemIds(question)).indexOf(RIGHT[target]);
    if (at === target) continue;
    const row = question.locator(`li[data-item-id="${RIGHT[target]}"]`);
    await row.getByRole('button', { name: 'Move up' }).focus();
    while (at > target) {
      await page.keyboard.press(at % 2 ? 'Enter' : 'Space');
      at--;
      await expect.poll(() => itemIds(question).then((ids) => ids.indexOf(RIGHT[target]))).toBe(at);
      // Focus follows the moved item, so the next key press moves it again (or the other button at the top).
      await expect(row.getByRole('button', { name: at === 0 ? 'Move down' : 'Move up' })).toBeFocused();
    }
  }
  expect(await itemIds(question)).toEqual(RIGHT);
  await expect(question.getByRole('button', { name: 'Move up' }).first()).toBeDisabled();
  await expect(question).toContainText('Your order, first to last.');
  await expect(page.getByTestId('autosave-status')).toHaveText('All answers saved');

  await page.reload();
  expect(await itemIds(page.getByTestId('question-ddpm-sampling-order'))).toEqual(RIGHT);

  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
  const result = page.getByTestId('result-ddpm-sampling-order');
  await expect(result).toContainText('Correct');
  await expect(result.getByTestId('points')).toHaveText('2 / 2 points');
  await expect(result.getByRole('list', { name: 'Your order' }).getByRole('listitem')).toHaveCount(4);
  await expect(result.getByRole('list', { name: 'Your order' }).getByRole('listitem').first()).toContainText('Draw');
});
