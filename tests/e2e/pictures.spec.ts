import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_COURSE_TITLE, DEMO_EMAILS, openDemoStaffArea, pasteIntoEditor, registerAndJoin, signedInPage, signIn } from './helpers';

// The pictures after Run (issue #19): each exercise's visualize.js runs on the student's own code in
// the browser's worker. A correct solution and a typical wrong one must both draw, and differently:
// the numbers under the picture and the picture itself (SVG or canvas pixels) change with the mistake.
const SHOTS = 'tests/e2e/artifacts';
const cases = [
  { slug: 'ddpm-reverse-step', link: /DDPM reverse step/, wrong: 'wrong-eps-sign', drawn: 'canvas' },
  { slug: 'forward-diffusion', link: /Forward diffusion/, wrong: 'wrong-alpha-only', drawn: 'svg' },
  { slug: 'affine-coupling-forward', link: /Affine coupling layer: forward/, wrong: 'wrong-logdet-sign', drawn: 'svg' },
  { slug: 'vae-reparameterization', link: /VAE: reparameterization/, wrong: 'wrong-kl-sign', drawn: 'svg' },
  { slug: 'triplet-loss', link: /^Triplet loss/, wrong: 'wrong-swapped-distances', drawn: 'svg' },
  { slug: 'uniform-dequantization', link: /Uniform dequantization/, wrong: 'wrong-no-noise', drawn: 'svg' },
  { slug: 'nt-xent-loss', link: /NT-Xent/, wrong: 'wrong-normalise-columns', drawn: 'svg' },
] as const;

async function openExercise(page: Page, link: RegExp) {
  await page.goto('/courses');
  await page.getByRole('link', { name: new RegExp(DEMO_COURSE_TITLE.replace(/[()]/g, '\\$&')) }).click();
  await page.getByRole('link', { name: link }).first().click();
  await expect(page.getByTestId('pictures')).toBeVisible();
}

/** Runs `code` and waits until what is drawn (numbers and picture) differs from `previous`; returns it. */
async function runAndDraw(page: Page, code: string, previous: { stats: string; drawing: string } | null) {
  await pasteIntoEditor(page, page.getByTestId('monaco-ready'), code);
  await page.getByRole('button', { name: /Run visible tests/ }).click();
  const pictures = page.getByTestId('pictures');
  const snapshot = async () => {
    await expect(pictures).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    return { stats: (await pictures.getByTestId('picture-stats').allTextContents()).join(' | '), drawing: await drawing(pictures) };
  };
  if (previous !== null) await expect.poll(async () => JSON.stringify(await snapshot()), { timeout: 60_000 }).not.toBe(JSON.stringify(previous));
  return { pictures, ...(await snapshot()) };
}

/** What was drawn, as data: the canvas pixels and the SVG markup of every Plot. */
async function drawing(pictures: Locator): Promise<string> {
  const canvases = await pictures.getByTestId('points-canvas').evaluateAll((cs) => cs.map((c) => (c as HTMLCanvasElement).toDataURL()));
  const plots = pictures.getByTestId('plot');
  for (const plot of await plots.all()) await expect(plot.locator('svg').first()).toBeVisible();
  // Generated ids (clip paths, gradients) differ between renders of the same data: left out.
  const svgs = await plots.evaluateAll((ps) => ps.map((p) => p.innerHTML.replace(/id="[^"]*"|url\(#[^)]*\)/g, '')));
  return [...canvases, ...svgs].join('\n');
}

test('pictures of the student’s own code render after Run, and differ between a right and a wrong solution', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signIn(page, DEMO_EMAILS.student);
  for (const { slug, link, wrong, drawn } of cases) {
    await test.step(slug, async () => {
      await openExercise(page, link);
      // The page carries visualize.js (not secret) but never the tests or the reference.
      const html = await (await page.request.get(page.url())).text();
      expect(html).toContain('function visualize');
      expect(html).not.toContain('defineTests');
      const longestReferenceLine = readFileSync(`exercises/${slug}/reference.js`, 'utf8')
        .split('\n')
        .reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), '');
      expect(html).not.toContain(longestReferenceLine);

      const right = await runAndDraw(page, readFileSync(`exercises/${slug}/reference.js`, 'utf8'), null);
      await expect(right.pictures.getByTestId('picture').first()).toBeVisible();
      if (drawn === 'canvas') await expect(right.pictures.getByTestId('points-canvas')).toBeVisible();
      // Every picture has its text alternative.
      for (const figure of await right.pictures.getByTestId('picture').all()) await expect(figure.locator('figcaption')).not.toBeEmpty();
      await right.pictures.screenshot({ path: `${SHOTS}/pictures-${slug}-right.png` });

      const bad = await runAndDraw(page, readFileSync(`tests/fixtures/${slug}/${wrong}.js`, 'utf8'), right);
      // The picture itself changes with the mistake (the numbers beside it usually do too).
      expect(bad.drawing).not.toBe(right.drawing);
      await bad.pictures.screenshot({ path: `${SHOTS}/pictures-${slug}-wrong.png` });
    });
  }

  // "Show as table" opens the numbers behind a picture (here the VAE's KL grid, after the last Run).
  await openExercise(page, /VAE: reparameterization/);
  await pasteIntoEditor(page, page.getByTestId('monaco-ready'), readFileSync('exercises/vae-reparameterization/reference.js', 'utf8'));
  await page.getByRole('button', { name: /Run visible tests/ }).click();
  await expect(page.getByTestId('pictures')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const heatmap = page.locator('[data-testid="picture"][data-kind="heatmap"]');
  await heatmap.getByText('Show as table').click();
  await expect(heatmap.locator('table tbody tr')).toHaveCount(25);
});

test('the staff analytics draw the score histogram with Plot, with the numbers in a table', async ({ browser, page }) => {
  test.setTimeout(180_000);
  // A fresh student: the suite's database is shared, so the demo student's attempts and the class's counts belong to other specs.
  const staff = await signedInPage(browser, DEMO_EMAILS.instructor);
  await staff.setViewportSize({ width: 1280, height: 900 });
  const { courseId, joinCode } = await openDemoStaffArea(staff);
  await registerAndJoin(page, joinCode!, 'Hana Histogram');
  await openExercise(page, /^Triplet loss/);
  await pasteIntoEditor(page, page.getByTestId('monaco-ready'), readFileSync('exercises/triplet-loss/reference.js', 'utf8'));
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('submission-results')).toHaveAttribute('data-status', 'graded', { timeout: 90_000 });

  await staff.goto(`/courses/${courseId}/staff/analytics`);
  const card = staff.getByTestId('exercise-analytics').filter({ hasText: 'Triplet loss' });
  const svg = card.getByTestId('plot').locator('svg');
  await expect(svg).toBeVisible();
  await expect(svg).toHaveAttribute('aria-label', /Best score of \d+ student/);
  // Plot draws one bar per bin; the 100 % bin holds at least this student.
  await expect(svg.locator('rect')).toHaveCount(10);
  await card.getByText('Show as table').first().click();
  await expect(card.locator('tr', { hasText: '90–100 %' })).toContainText(/[1-9]/);
  await card.screenshot({ path: `${SHOTS}/pictures-analytics-histogram.png` });
});
