import 'server-only';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { LoadedExercise } from '@/graders/content/load';
import type { VisibleCase } from '@/graders/visible-cases/shape';

// isolated-vm needs --no-node-snapshot and may take the process down if V8 crashes, so the
// reference isolate runs in a short-lived child, never inside the web server (DESIGN §5).
const CHILD_TIMEOUT_MS = 60_000;
const MAX_CACHED_VERSIONS = 32;

// A file path built at run time, so Turbopack does not try to bundle the child (vercel/next.js#97952).
const CHILD_ENTRY = path.join(/* turbopackIgnore: true */ process.cwd(), 'graders', 'visible-cases', 'child.ts');

function computeInChild(exercise: LoadedExercise): Promise<VisibleCase[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', CHILD_ENTRY], {
      cwd: process.cwd(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      // The answer counts once it is complete on stdout: isolated-vm can crash the child while it
      // exits, after the write, which must not throw away a good result.
      try {
        resolve(JSON.parse(stdout) as VisibleCase[]);
      } catch {
        reject(new Error(`visible cases could not be computed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`));
      }
    });
    child.stdin.end(JSON.stringify(exercise));
  });
}

const cache = new Map<string, Promise<VisibleCase[]>>();

/** Visible cases of an exercise version, computed once per version hash and kept in memory. */
export function visibleCasesFor(exercise: LoadedExercise): Promise<VisibleCase[]> {
  const key = `${exercise.slug}:${exercise.versionHash}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = computeInChild(exercise);
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
    if (cache.size > MAX_CACHED_VERSIONS) cache.delete(cache.keys().next().value!);
  }
  return pending;
}
