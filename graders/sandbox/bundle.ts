import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

// Students write `a.sub(b).square()` as often as `tf.sub(a, b)`, and gradient checks need the
// gradients: tfjs-core alone registers neither (DESIGN §8).
const ENTRY = `
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
globalThis.tf = tf;
`;

// tfjs looks for window/global/process/self to find "the global"; a bare V8 context has none.
const BANNER = 'globalThis.self = globalThis;';

let pending: Promise<string> | undefined;

/**
 * The tfjs IIFE bundle, built on first use and cached on disk per installed tfjs version, so a
 * clean clone needs no separate build step.
 */
export function loadTfBundle(cacheDir = path.resolve('.graders-cache')): Promise<string> {
  pending ??= buildOrRead(cacheDir).catch((err) => {
    pending = undefined;
    throw err;
  });
  return pending;
}

async function buildOrRead(cacheDir: string): Promise<string> {
  const versions = ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', 'esbuild'].map((name) => `${name}@${require(`${name}/package.json`).version}`).join(',');
  const key = createHash('sha256')
    .update(versions + ENTRY + BANNER)
    .digest('hex')
    .slice(0, 16);
  const file = path.join(cacheDir, `tfjs-bundle-${key}.js`);
  try {
    return await readFile(file, 'utf8');
  } catch {
    // not built yet
  }
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: path.dirname(require.resolve('@tensorflow/tfjs-core/package.json')), loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'silent',
    banner: { js: BANNER },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const code = result.outputFiles[0].text;
  await mkdir(cacheDir, { recursive: true });
  // Write-then-rename: concurrent first runs (vitest forks) never read a half-written file.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, code);
  await rename(tmp, file);
  return code;
}
