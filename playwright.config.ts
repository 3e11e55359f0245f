import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// Set once in the runner process so its workers (which re-read this file) agree, and so every
// run starts from an empty embedded database unless DATABASE_URL points at a server.
process.env.E2E_PGLITE_DIR ??= `.data/e2e-${Date.now()}`;

export default defineConfig({
  testDir: 'tests/e2e',
  // One worker: the machines have two cores and the server needs one of them.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node --import tsx scripts/start.ts',
    url: `http://127.0.0.1:${port}/login`,
    // The first start runs `next build`, which takes minutes on two cores.
    timeout: 10 * 60_000,
    // Opt-in only (E2E_REUSE_SERVER=1, e.g. a `next dev` on the port): by default every run gets a fresh server and database.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    stdout: 'pipe',
    env: { PORT: String(port), PGLITE_DIR: process.env.E2E_PGLITE_DIR },
  },
});
