import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise, type LoadedExercise } from '../content/load';
import { createGrader } from '../grader';

// The engine's own diagnoses that no fixture under tests/fixtures reaches, on real exercises
// through the real sandbox. The fixtures (tests/content/exercise-solutions.test.ts) cover the rest.
const grader = createGrader({ concurrency: 2 });
afterAll(() => grader.close());
let triplet: LoadedExercise;
let dequantize: LoadedExercise;
beforeAll(async () => {
  [triplet, dequantize] = await Promise.all([loadExercise('exercises/triplet-loss'), loadExercise('exercises/uniform-dequantization')]);
});

const tripletBody = 'tf.mean(tf.relu(tf.sum(tf.squaredDifference(a, p), -1).sub(tf.sum(tf.squaredDifference(a, n), -1)).add(m)))';
const grade = (exercise: LoadedExercise, code: string) => grader.grade({ exercise, code });

describe('generic diagnoses', () => {
  it('an input changed in place', async () => {
    const report = await grade(triplet, `function tripletLoss(a, p, n, m) { const out = ${tripletBody}; a.dataSync()[0] += 1; return out; }`);
    expect(report.diagnosis).toMatchObject({ id: 'mutated-input', source: 'engine' });
    expect(report.diagnosis?.message).toContain('`anchor`');
  });

  it('a reduction over the wrong axis, by shape', async () => {
    const report = await grade(triplet, 'function tripletLoss(a, p, n, m) { return tf.relu(tf.sum(tf.squaredDifference(a, p), 0).sub(tf.sum(tf.squaredDifference(a, n), 0)).add(m)); }');
    expect(report.diagnosis).toMatchObject({ id: 'reduced-axis' });
    expect(report.diagnosis?.message).toContain('shape [4] where [] is expected: one value per feature');
  });

  it('a plain number returned instead of a tensor', async () => {
    const report = await grade(triplet, `function tripletLoss(a, p, n, m) { return ${tripletBody}.dataSync()[0]; }`);
    expect(report.diagnosis).toMatchObject({ id: 'wrong-type' });
    expect(report.diagnosis?.message).toContain('not a number read from it');
  });

  it('an endless loop in every call', async () => {
    const report = await grade(triplet, 'function tripletLoss(a, p, n, m) { while (true) {} }');
    expect(report.diagnosis?.id).toBe('timeout');
  });

  it('bits per dimension computed per example then averaged over the batch is a reduction too many', async () => {
    const report = await grade(
      dequantize,
      `${dequantize.reference.replace(/function bitsPerDim[\s\S]*$/, '')}
function bitsPerDim(logDensity, numDims) { return tf.mean(tf.div(tf.neg(tf.sub(logDensity, numDims * Math.log(256))), numDims * Math.LN2)); }`,
    );
    expect(report.diagnosis?.id).toMatch(/^(batch-mean|reduced-axis)$/);
  });
});

describe('hints only with evidence', () => {
  it('a wrong value no declared mistake produces gets no declared mistake, and hidden tests say so neutrally', async () => {
    // Off by a constant: none of the declared mistakes computes this.
    const report = await grade(triplet, `function tripletLoss(a, p, n, m) { return ${tripletBody}.add(0.123); }`);
    expect(report.diagnosis).toBeUndefined();
    for (const t of report.tests.filter((x) => !x.visible && !x.passed)) expect(t.message).toBe('failed (hidden test)');
  });

  it('a mistake is ruled out where the student is right on a case it gets wrong', async () => {
    // Sums over the batch only when the batch is larger than 2: the visible hand-computed case is right,
    // which the sum-not-mean mistake gets wrong, so it is not named.
    const report = await grade(
      triplet,
      `function tripletLoss(a, p, n, m) { const l = tf.relu(tf.sum(tf.squaredDifference(a, p), -1).sub(tf.sum(tf.squaredDifference(a, n), -1)).add(m)); return a.shape[0] > 2 ? tf.sum(l) : tf.mean(l); }`,
    );
    expect(report.tests.find((t) => t.id === 'hand-computed')?.passed).toBe(true);
    expect(report.diagnosis?.id).not.toBe('sum-not-mean');
  });

  it('a hidden failure outside the diagnosis is reported as such', async () => {
    // The visible cases show the sum-not-mean mistake; a margin of 0 additionally gives a wrong constant.
    const report = await grade(
      triplet,
      `function tripletLoss(a, p, n, m) { const s = tf.sum(tf.relu(tf.sum(tf.squaredDifference(a, p), -1).sub(tf.sum(tf.squaredDifference(a, n), -1)).add(m))); return m === 0 ? s.add(1) : s; }`,
    );
    expect(report.diagnosis?.id).toBe('sum-not-mean');
    const marginZero = report.tests.find((t) => t.id === 'margin-zero');
    expect(marginZero?.message).toBe('failed (hidden test) — for a reason other than the one named above');
  });
});
