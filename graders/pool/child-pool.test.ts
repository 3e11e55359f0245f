import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise, type LoadedExercise } from '../content/load';
import { createChildPool, residentMb, type ChildPool } from './child-pool';

let exercise: LoadedExercise;
let pool: ChildPool;

beforeAll(async () => {
  exercise = await loadExercise('exercises/triplet-loss');
  pool = createChildPool({ size: 1 });
});
afterAll(async () => pool.close());

// Correct, but 200 ms per call (under each case's 250 ms limit), so ~1.2 s in all: still running
// when its child goes down beside it.
const SLOW_CORRECT = `function tripletLoss(anchor, positive, negative, margin) {
  const end = Date.now() + 200; while (Date.now() < end) {}
  const dPos = tf.sum(tf.squaredDifference(anchor, positive), -1);
  const dNeg = tf.sum(tf.squaredDifference(anchor, negative), -1);
  return tf.mean(tf.maximum(tf.add(tf.sub(dPos, dNeg), margin), 0));
}`;

describe('child pool', () => {
  it('grades in a child process', async () => {
    const report = await pool.grade(exercise, exercise.reference);
    expect(report.status).toBe('graded');
    expect(report.score).toBe(1);
    expect(pool.pids()).toHaveLength(1);
    expect(pool.pids()[0]).not.toBe(process.pid);
  });

  it('retries the in-flight job alone in a fresh child when its child is killed, and grades it', async () => {
    const [victim] = pool.pids();
    const pending = pool.grade(exercise, SLOW_CORRECT);
    await new Promise((resolve) => setTimeout(resolve, 800));
    process.kill(victim, 'SIGKILL');
    const report = await pending;
    expect(report.status).toBe('graded');
    expect(report.score).toBe(1);
    expect(pool.pids()[0]).not.toBe(victim);
  });
});

describe('a child that grows past its memory limit', () => {
  // ~100 MB inside the isolate's 128 MB limit: allowed there, but past this pool's ceiling for the
  // whole process (an idle child is ~80 MB, one after a few honest jobs ~100 MB).
  const LIMIT_MB = 160;
  const HOG = `function tripletLoss(anchor) {
  const keep = new Float64Array(12.5e6).fill(1);
  const end = Date.now() + 200; while (Date.now() < end) {}
  return tf.scalar(keep[0]);
}`;
  let small: ChildPool;
  beforeAll(() => {
    small = createChildPool({ size: 1, jobsPerChild: 2, memoryLimitMb: LIMIT_MB, memoryCheckMs: 100 });
  });
  afterAll(async () => small.close());

  it('is replaced; the co-resident honest job is graded as if nothing happened, the hog alone gets 0 with a reason', async () => {
    const seen = new Set<number>();
    const watch = setInterval(() => small.pids().forEach((pid) => seen.add(pid)), 50);
    const honest = small.grade(exercise, SLOW_CORRECT);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const hog = small.grade(exercise, HOG);
    const [honestReport, hogReport] = await Promise.all([honest, hog]);
    clearInterval(watch);

    expect(honestReport.status).toBe('graded');
    expect(honestReport.score).toBe(1);
    expect(hogReport.status).toBe('graded');
    expect(hogReport.score).toBe(0);
    expect(hogReport.error).toMatch(
      /^Scored 0: this submission brought down the grading process twice, the second time running alone \(the sandbox process grew past its memory limit \(\d+ MB > 160 MB\)\)/,
    );
    // The first child, the one the hog shared, the fresh one it had alone, and the one after: never a fourth crash.
    expect(seen.size).toBeLessThanOrEqual(4);
    for (const pid of small.pids()) expect(residentMb(pid)).toBeLessThan(LIMIT_MB);
    expect((await small.grade(exercise, exercise.reference)).score).toBe(1);
  });

  it.each([
    ['output-amplification', /^output too large: 1\.5 GB of keys/],
    ['resizable-buffer', /^line 2: TypeError: resizable ArrayBuffers are not available in the grader/],
  ])('%s is graded with its reason beside an honest job, and the child stays under its limit', async (attack, message) => {
    const code = readFileSync(`tests/hostile/attacks/${attack}.js`, 'utf8');
    const [pid] = small.pids();
    const [honest, hostile] = await Promise.all([small.grade(exercise, SLOW_CORRECT), small.grade(exercise, code)]);
    expect(honest.score).toBe(1);
    expect(hostile.status).toBe('graded');
    expect(hostile.score).toBe(0);
    expect(hostile.tests[0].message).toMatch(message);
    expect(small.pids()).toEqual([pid]);
    expect(residentMb(pid)).toBeLessThan(LIMIT_MB);
  });
});
