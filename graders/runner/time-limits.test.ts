import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise, type LoadedExercise } from '../content/load';
import { createGrader } from '../grader';
import { caseTimeLimitMs } from './time-limits';

describe('caseTimeLimitMs', () => {
  it('is 50 × the reference, at least 1 s, scaled by load, never above the exercise', () => {
    expect(caseTimeLimitMs({ referenceMs: 1.2 }, 2000)).toBe(1000);
    expect(caseTimeLimitMs({ referenceMs: 30 }, 2000)).toBe(1500);
    expect(caseTimeLimitMs({ referenceMs: 100 }, 2000)).toBe(2000);
    expect(caseTimeLimitMs({ referenceMs: 1.2 }, 2000, 1.5)).toBe(1500);
    expect(caseTimeLimitMs({ referenceMs: 1.2 }, 2000, 0.2)).toBe(1000);
    expect(caseTimeLimitMs({ referenceMs: 1.2 }, 300)).toBe(300);
  });
});

// The triplet-loss exercise as shipped (2 s per test), graded as on an idle machine.
describe('time a submission can spend on a case', () => {
  let exercise: LoadedExercise;
  const grader = createGrader({ concurrency: 1, loadFactor: () => 1 });
  beforeAll(async () => {
    exercise = await loadExercise('exercises/triplet-loss');
  });
  afterAll(() => grader.close());

  it('a correct solution that spins to encode hidden inputs loses every case it spins past 1 s on', async () => {
    const started = performance.now();
    const report = await grader.grade({ exercise, code: readFileSync('tests/hostile/attacks/hidden-timing-channel.js', 'utf8') });
    const wallMs = performance.now() - started;
    const killed = report.tests.filter((t) => /this test's limit \(50 × the reference solution's time, at least 1 s/.test(t.message));
    expect(killed.length).toBeGreaterThan(0);
    expect(report.score).toBeLessThan(1);
    // Under the exercise's own 2 s per test every case would have passed and the job taken ~10 s.
    expect(wallMs).toBeLessThan(6 * 1000 + 2000);
  });

  it('a correct solution that burns 1.4 s per call is stopped at 1 s, then at 0.5 s', async () => {
    const burner = `function tripletLoss(anchor, positive, negative, margin) {
  const until = Date.now() + 1400; while (Date.now() < until) {}
  return tf.mean(tf.relu(tf.sum(tf.squaredDifference(anchor, positive), -1).sub(tf.sum(tf.squaredDifference(anchor, negative), -1)).add(margin)));
}`;
    const started = performance.now();
    const report = await grader.grade({ exercise, code: burner });
    expect(report.score).toBe(0);
    expect(report.tests[0].message).toMatch(/^time limit exceeded during this test: more than 1 s, this test's limit/);
    // Two kills end the job: ~1 s + 0.5 s of a core instead of 6 × 1.4 s.
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('a correct solution written with other ops (a 512 × 512 Gram matrix) keeps 100 %', async () => {
    const report = await grader.grade({ exercise, code: readFileSync('tests/fixtures/triplet-loss/correct-matmul.js', 'utf8') });
    expect(report.score).toBe(1);
  });
});
