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

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([...gitIgnored(), 'db/migrations/**', 'exercises/**', 'tests/fixtures/**', 'tests/hostile/attacks/**']),
]);
