import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'tests/e2e/**'],
    // isolated-vm needs --no-node-snapshot on Node >= 20; forks (not threads) so native addons load per process.
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
    // @lti-tool/core 1.0.6's ESM build imports two files without extension and package.json without an
    // import attribute, which Node's loader refuses; Vite resolves them (Next bundles it the same way).
    server: { deps: { inline: ['@lti-tool/core'] } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
