import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadExercise, type LoadedExercise } from '../content/load';
import { createChildPool, SandboxCrashError, type ChildPool } from './child-pool';

let exercise: LoadedExercise;
let pool: ChildPool;

beforeAll(async () => {
  exercise = await loadExercise('exercises/triplet-loss');
  pool = createChildPool({ size: 1 });
});
afterAll(async () => pool.close());

describe('child pool', () => {
  it('grades in a child process', async () => {
    const report = await pool.grade(exercise, exercise.reference);
    expect(report.status).toBe('graded');
    expect(report.score).toBe(1);
    expect(pool.pids()).toHaveLength(1);
    expect(pool.pids()[0]).not.toBe(process.pid);
  });

  it('rejects the in-flight job when the child is killed, then grades with a fresh child', async () => {
    const slow = `function tripletLoss(a, p, n, m) { const end = Date.now() + 3000; while (Date.now() < end) {} return tf.scalar(0); }`;
    const [victim] = pool.pids();
    const pending = pool.grade(exercise, slow);
    await new Promise((resolve) => setTimeout(resolve, 800));
    process.kill(victim, 'SIGKILL');
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxCrashError);
    expect((error as Error).message).toMatch(/exited \(SIGKILL\)/);
    expect(pool.pids()[0]).not.toBe(victim);
    const report = await pool.grade(exercise, readFileSync('exercises/triplet-loss/reference.js', 'utf8'));
    expect(report.score).toBe(1);
  });
});
