import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Worker } from '@playwright/test';
import { DEMO_EMAILS, signIn } from './helpers';

// Every hashed asset reaches the browser once: repeated loads (each Run starts a fresh worker that
// imports tfjs again) come from the HTTP cache, and a finished Run's worker is gone. Counted at a
// proxy in front of the server, since Playwright reports cache hits as responses too.
test('the exercise page fetches each static chunk once and keeps one worker of each kind', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const upstream = new URL(baseURL!);
  const hits = new Map<string, number>();
  const proxy = http.createServer((req, res) => {
    hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
    const forward = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode!, r.headers);
      r.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  try {
    const live = new Set<Worker>();
    page.on('worker', (w) => {
      live.add(w);
      w.on('close', () => live.delete(w));
    });
    await signIn(page, DEMO_EMAILS.student);
    await page.getByRole('link', { name: /Demo/ }).first().click();
    await page.getByRole('link', { name: 'Triplet loss' }).click();
    await expect(page.getByTestId('monaco-ready')).toBeVisible({ timeout: 30_000 });
    for (let run = 0; run < 3; run++) {
      await page.getByRole('button', { name: /Run visible tests/ }).click();
      await expect(page.getByTestId('run-results')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    }
    // Monaco's editor and TypeScript workers, and the one spare test-runner worker for the next Run.
    await expect.poll(() => live.size, { timeout: 10_000 }).toBe(3);

    const statics = [...hits].filter(([url]) => url.startsWith('/_next/static/'));
    console.log(`static assets fetched from the server: ${statics.length} URLs, ${statics.reduce((n, [, c]) => n + c, 0)} requests`);
    expect(statics.length).toBeGreaterThan(10);
    expect(statics.filter(([, count]) => count > 1)).toEqual([]);
  } finally {
    await context.close();
    proxy.close();
  }
});
