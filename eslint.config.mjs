import { readFileSync } from 'node:fs';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * Everything git ignores is build output or a cache (.next/, .graders-cache/, .data/ …), never source:
 * lint ignores it too, read from .gitignore so a new cache directory cannot break the second `npm test`.
 */
function gitIgnored() {
  return readFileSync(new URL('./.gitignore', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'))
    .map((pattern) => {
      const dir = pattern.endsWith('/');
      const body = pattern.replace(/^\//, '').replace(/\/$/, '');
      // A pattern with no inner slash matches at any depth, as in git.
      const anchored = pattern.startsWith('/') || body.includes('/');
      const glob = anchored ? body : `**/${body}`;
      return dir ? `${glob}/**` : glob;
    });
}

/** An import boundary: files matching `files` may not import any of `patterns` (DESIGN §2 layering). */
const boundary = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

// The layering, enforced: the grading engine imports nothing of the app or the database (it runs in
// sandbox child processes and the browser), the data layer nothing of the app, and the app reaches
// the database only through db/queries and db/services, never drizzle or the schema directly.
const boundaries = [
  boundary(
    ['graders/**'],
    ['@/app/*', '@/db/*', '@/env', '**/app/**', '**/db/**', '**/env', 'next', 'next/*', 'drizzle-orm', 'drizzle-orm/*', 'pg-boss'],
    'graders/ is framework-free: pass what it needs as arguments (graders/README.md).',
  ),
  boundary(['db/**'], ['@/app/*', '**/app/**', 'next', 'next/*'], 'db/ must not depend on the app: move the shared piece to db/ or graders/.'),
  boundary(['app/**'], ['@/db/schema', '@/db/schema/*', '@/db/client', 'drizzle-orm', 'drizzle-orm/*'], 'Pages and actions never build SQL: add a function to db/queries or db/services.'),
];

export default defineConfig([...nextVitals, ...nextTs, ...boundaries, globalIgnores([...gitIgnored(), 'db/migrations/**', 'exercises/**', 'tests/fixtures/**', 'tests/hostile/attacks/**'])]);
