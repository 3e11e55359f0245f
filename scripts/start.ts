/**
 * `npm start`: one command from a fresh clone to a running course site. Migrates the database
 * (PGlite under .data/ unless DATABASE_URL is set), syncs exercises/, seeds the demo course,
 * builds when the sources changed, then serves the production app.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EnvError, getEnv } from '../env';
import { closeDatabase, getDbHandle } from '../db/client';
import { migrateDatabase, MigrationError } from '../db/migrate';
import { syncContent } from '../db/sync-content';
import { seedDemo } from '../db/seed-demo';
import { buildFingerprint } from './build-fingerprint';

const DATA_DIR = '.data';
const NEXT_BIN = path.join('node_modules', 'next', 'dist', 'bin', 'next');

async function main() {
  Object.assign(process.env, { NODE_ENV: 'production' });
  process.env.AUTH_TRUST_HOST ??= 'true';
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  process.env.AUTH_SECRET ||= demoAuthSecret();
  const env = getEnv();

  const handle = getDbHandle();
  console.log(handle.kind === 'pglite' ? `Database: embedded PGlite in ${env.PGLITE_DIR}` : 'Database: PostgreSQL (DATABASE_URL)');
  await migrateDatabase(handle);

  const sync = await syncContent();
  const fresh = sync.synced.filter((s) => s.created).length;
  console.log(`Content: ${sync.synced.length} exercise(s) synced, ${fresh} new version(s).`);
  for (const error of sync.errors) console.warn(`Content error (folder skipped): ${error}`);

  const demo = await seedDemo();
  console.log(`\nDemo course join code: ${demo.joinCode}`);
  for (const account of demo.accounts) console.log(`  ${account.role.padEnd(10)} ${account.email}  password: ${demo.password}`);
  console.log();
  // PGlite's data directory belongs to one process at a time: hand it over to the server.
  await closeDatabase();

  await buildIfChanged();
  const server = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(env.PORT)], { stdio: 'inherit', env: process.env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** The demo keeps its session secret under .data/ so restarts do not sign everybody out. */
function demoAuthSecret(): string {
  const file = path.join(DATA_DIR, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function buildIfChanged() {
  const marker = path.join('.next', 'tensorgrade-build-fingerprint');
  const fingerprint = buildFingerprint();
  const upToDate = existsSync(path.join('.next', 'BUILD_ID')) && existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint;
  if (upToDate) return;
  console.log('Building the app (first start or sources changed)…');
  const code = await new Promise<number | null>((resolve) => {
    spawn(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit', env: process.env }).on('exit', resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  writeFileSync(marker, fingerprint);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError || error instanceof MigrationError) console.error(`\n${error.message}\n`);
  else console.error(error);
  process.exit(1);
});
