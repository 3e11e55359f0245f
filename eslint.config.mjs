import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', 'next-env.d.ts', 'db/migrations/**', 'exercises/**', 'tests/fixtures/**', 'tests/hostile/attacks/**', 'test-results/**', 'playwright-report/**']),
]);
