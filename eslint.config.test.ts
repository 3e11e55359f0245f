import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// `npm test` lints after `npm start` and after earlier test runs have filled the caches: none of them may be linted.
describe('eslint ignores what git ignores', () => {
  const eslint = new ESLint();
  it.each(['.graders-cache/student-bundle.js', '.next/server/page.js', '.data/e2e-1/x.js', 'node_modules/x/index.js', 'next-env.d.ts', 'tests/e2e/artifacts/x.js', 'playwright-report/trace.js', 'app/tsconfig.tsbuildinfo'])(
    '%s',
    async (file) => expect(await eslint.isPathIgnored(file)).toBe(true),
  );
  it('still lints the sources', async () => {
    expect(await eslint.isPathIgnored('graders/grader.ts')).toBe(false);
    expect(await eslint.isPathIgnored('app/layout.tsx')).toBe(false);
  });
});
