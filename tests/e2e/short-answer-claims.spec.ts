import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_COURSE_TITLE, DEMO_EMAILS, openDemoStaffArea, signedInPage } from './helpers';

// Issue #16: a student who swaps the facts of two models (diffusion ↔ VAE) gets no credit for the
// swapped claims, the answer waits for a grader instead of being graded on its own, the feedback
// names the swap, and the grader sees which sentence matched which claim.
const SWAPPED =
  'Diffusion models use an encoder and a decoder and generate in a single pass, which is why they are blurry. ' +
  'VAEs start from pure noise and need many denoising steps, so they are slow but sharp. Both are generative models and both are probabilistic.';

async function registerAndJoin(page: Page, name: string, email: string, joinCode: string) {
  await page.goto('/register');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('a quiet lattice of weights');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await page.getByLabel('Join code').fill(joinCode);
  await page.getByRole('button', { name: 'Join course' }).click();
  await expect(page).toHaveURL(/\/courses\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: DEMO_COURSE_TITLE })).toBeVisible();
}

test('a swapped-facts short answer earns nothing for the swapped claims, goes to review, and the grader sees the evidence', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const instructor = await signedInPage(browser, DEMO_EMAILS.instructor);
  const { courseId, joinCode } = await openDemoStaffArea(instructor);
  const suffix = randomUUID().slice(0, 8);
  const name = `Sam Swapper ${suffix}`;
  await registerAndJoin(page, name, `swapper-${suffix}@example.test`, joinCode!);

  await test.step('the student submits the swapped answer and sees no credit for the swapped claims', async () => {
    await page.getByRole('link', { name: /Concepts: generative models/ }).click();
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.getByTestId('question-vae-diffusion-compare').getByRole('textbox').fill(SWAPPED);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('attempt-total')).toContainText('1 answer awaiting review');

    const result = page.getByTestId('result-vae-diffusion-compare');
    await expect(result).toContainText('Awaiting review');
    // Only the two similarities count; both differences are swapped.
    await expect(result.getByTestId('points')).toHaveText('2 / 4 points (suggested)');
    const credited = result.getByRole('list', { name: 'Credited concepts' });
    await expect(credited.getByRole('listitem')).toHaveCount(2);
    await expect(credited).not.toContainText('encoder');
    await expect(credited).not.toContainText('one fast pass');
    await expect(result.getByRole('list', { name: 'Missing concepts' })).toContainText('said of the wrong subject');
    const feedback = result.getByTestId('question-feedback');
    await expect(feedback).toContainText('Not credited: you wrote “Diffusion models use an encoder” — that is the VAE.');
    await expect(feedback).not.toContainText(/recognised/i);
  });

  await test.step('the grader finds it in the review queue and sees which sentence matched which claim', async () => {
    const grader = await signedInPage(browser, DEMO_EMAILS.grader);
    await grader.goto(`/courses/${courseId}/staff/review?filter=all`);
    await grader.getByTestId('review-row').filter({ hasText: name }).getByRole('link').click();
    await expect(grader.getByTestId('student-answer')).toContainText('Diffusion models use an encoder');
    await expect(grader.getByText(/machine suggestion 2 \/ 4 points/)).toBeVisible();
    const structure = grader.getByTestId('machine-evidence').getByTestId('evidence-structure');
    await expect(structure).toContainText('contradiction');
    await expect(structure).toContainText('“encoder” — said of the diffusion model');
    await expect(structure).toContainText('claim: a VAE encodes the data into a latent space and decodes it');
    await expect(structure).toContainText('in: Diffusion models use an encoder and a decoder and generate in a single pass');
    const speed = grader.getByTestId('machine-evidence').getByTestId('evidence-speed-quality');
    await expect(speed).toContainText('“single pass” — said of the diffusion model');
    await expect(grader.getByTestId('machine-evidence').getByTestId('evidence-generative')).toContainText('credited');
    // The machine credited only the similarities: the rubric form starts with those two ticked.
    await expect(grader.getByRole('group', { name: 'Rubric' }).locator('input:checked')).toHaveCount(2);
  });
});
