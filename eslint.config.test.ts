import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// `npm test` lints after `npm start` and after earlier test runs have filled the caches: none of them may be linted.
describe('eslint ignores what git ignores', () => {
  const eslint = new ESLint();
  it.each([
    '.graders-cache/student-bundle.js',
    '.next/server/page.js',
    '.data/e2e-1/x.js',
    'node_modules/x/index.js',
    'next-env.d.ts',
    'tests/e2e/artifacts/x.js',
    'playwright-report/trace.js',
    'app/tsconfig.tsbuildinfo',
  ])('%s', async (file) => expect(await eslint.isPathIgnored(file)).toBe(true));
  it('still lints the sources', async () => {
    expect(await eslint.isPathIgnored('graders/grader.ts')).toBe(false);
    expect(await eslint.isPathIgnored('app/layout.tsx')).toBe(false);
  });
});

describe('import boundaries keep the layering', () => {
  const eslint = new ESLint();
  const restricted = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0].messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  it.each([
    ['graders/grader.ts', "import { db } from '../db/client';\nexport const x = db;\n", /framework-free/],
    ['graders/report.ts', "import { getEnv } from '@/env';\nexport const x = getEnv;\n", /framework-free/],
    ['db/queries/users.ts', "import { x } from '@/app/_lib/authz';\nexport const y = x;\n", /must not depend on the app/],
    ['app/page.tsx', "import { eq } from 'drizzle-orm';\nexport const y = eq;\n", /never build SQL/],
    ['app/page.tsx', "import { users } from '@/db/schema';\nexport const y = users;\n", /never build SQL/],
  ])('%s: %s is refused', async (file, code, message) => {
    expect(await restricted(file, code)).toEqual([expect.stringMatching(message)]);
  });
  it('allows the layers their own imports', async () => {
    expect(await restricted('app/page.tsx', "import { selectUser } from '@/db/queries/users';\nexport const y = selectUser;\n")).toEqual([]);
    expect(await restricted('db/queries/users.ts', "import { createGrader } from '../../graders/grader';\nexport const y = createGrader;\n")).toEqual([]);
  });
});
