import { expect, test } from '@playwright/test';
import { DEMO_COURSE_TITLE, DEMO_EMAILS, signIn } from './helpers';

const EXERCISE_TITLE = 'VAE: reparameterization trick and KL to the prior';
const FOREIGN = 'https://evil.example';

test('JSON route handlers take same-origin JSON only, and refuse an oversize body with 413', async ({ page, baseURL }) => {
  await signIn(page, DEMO_EMAILS.student);
  await page.getByRole('link', { name: new RegExp(DEMO_COURSE_TITLE.replace(/[()]/g, '\\$&')) }).click();
  const href = (await page.getByRole('link', { name: EXERCISE_TITLE }).getAttribute('href'))!;
  const itemId = href.split('/').pop()!;
  await page.goto(href);
  const history = page.getByTestId('history-entry');
  await expect(page.getByRole('heading', { name: 'Submission history' })).toBeVisible();
  const before = await history.count();
  const own = new URL(baseURL!).origin;
  const code = 'function reparameterize(mu, logVar, eps) { return mu; }';

  // The classic CSRF shape: a text/plain "simple" request from another site, with the student's cookie.
  const csrf = await page.request.post('/api/submissions', { headers: { 'content-type': 'text/plain', origin: FOREIGN }, data: JSON.stringify({ itemId, code }) });
  expect([403, 415]).toContain(csrf.status());
  expect(((await csrf.json()) as { error: string }).error).toMatch(/^(Send JSON|This request did not come from this site)/);
  const plain = await page.request.post('/api/submissions', { headers: { 'content-type': 'text/plain', origin: own }, data: JSON.stringify({ itemId, code }) });
  expect(plain.status()).toBe(415);
  const foreign = await page.request.post('/api/submissions', { headers: { origin: FOREIGN }, data: { itemId, code } });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({ error: 'This request did not come from this site and was refused.' });
  const crossSite = await page.request.post('/api/submissions', { headers: { origin: own, 'sec-fetch-site': 'cross-site' }, data: { itemId, code } });
  expect(crossSite.status()).toBe(403);
  const noOrigin = await page.request.post('/api/submissions', { data: { itemId, code } });
  expect(noOrigin.status()).toBe(403);
  const draftCsrf = await page.request.post(`${href}/draft`, { headers: { 'content-type': 'text/plain', origin: FOREIGN }, data: JSON.stringify({ code }) });
  expect([403, 415]).toContain(draftCsrf.status());

  // Oversize bodies from the site itself: refused before parsing, with the limit named.
  const oversize = await page.request.post('/api/submissions', { headers: { origin: own }, data: { itemId, code: `// ${'x'.repeat(200 * 1024)}` } });
  expect(oversize.status()).toBe(413);
  expect(await oversize.json()).toEqual({ error: 'Your code is over the 64 KB limit.' });
  const hugeDraft = await page.request.put(`${href}/draft`, { headers: { origin: own }, data: { code: 'x'.repeat(5 * 1024 * 1024) } });
  expect(hugeDraft.status()).toBe(413);
  expect(await hugeDraft.json()).toEqual({ error: 'Drafts are limited to 64 KB.' });
  const badJson = await page.request.post('/api/submissions', { headers: { origin: own, 'content-type': 'application/json' }, data: Buffer.from('{"itemId": ') });
  expect(badJson.status()).toBe(400);
  expect(await badJson.json()).toEqual({ error: 'The request body is not valid JSON.' });

  // The browser's own requests still pass: a draft beacon (sent as the page closes) carries JSON and the site's Origin.
  const beaconSaved = page.waitForResponse((response) => response.url().endsWith(`${href}/draft`) && response.request().method() === 'POST');
  expect(await page.evaluate((url) => navigator.sendBeacon(url, new Blob([JSON.stringify({ code: '// saved by beacon' })], { type: 'application/json' })), `${href}/draft`)).toBe(true);
  expect((await beaconSaved).status()).toBe(200);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Submission history' })).toBeVisible();
  expect(await history.count()).toBe(before);

  // The same submission from the site itself (as the exercise page sends it) is taken.
  const taken = await page.request.post('/api/submissions', { headers: { origin: own }, data: { itemId, code } });
  expect(taken.status()).toBe(201);
  await page.reload();
  await expect(history).toHaveCount(before + 1);
});
