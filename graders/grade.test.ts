import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExercise, type LoadedExercise } from './content/load';
import { createGrader } from './grader';

const grader = createGrader({ concurrency: 2 });
let exercise: LoadedExercise;
const fixture = async (name: string) => grader.grade({ exercise, code: await readFile(`tests/fixtures/triplet-loss/${name}.js`, 'utf8') });

beforeAll(async () => {
  exercise = await loadExercise('exercises/triplet-loss');
});

describe('triplet-loss: correct solutions written differently from the reference', () => {
  it.each(['correct-relu-chained', 'correct-matmul', 'correct-const-arrow'])('%s scores 100 %%', async (name) => {
    const report = await fixture(name);
    expect(report.tests.filter((t) => !t.passed)).toEqual([]);
    expect(report).toMatchObject({ status: 'graded', score: 1, points: 10, maxPoints: 10, exerciseVersion: exercise.versionHash });
  });

  it('keeps console output of visible tests only', async () => {
    const report = await fixture('correct-const-arrow');
    // random-batch logs twice: once for its value, once inside its gradient check.
    expect(report.logs).toEqual(['batch size 2', 'batch size 8', 'batch size 8', '(console output during hidden tests is not shown)']);
  });
});

describe('triplet-loss: the usual mistakes lose points, with a diagnosis that names them', () => {
  it.each([
    ['wrong-sum-not-mean', 'sum-not-mean', 'take the mean instead'],
    ['wrong-euclidean', 'euclidean', 'squared distance'],
    ['wrong-axis', 'wrong-axis', 'reduce over the last axis'],
    ['wrong-no-hinge', 'no-hinge', 'the hinge is missing'],
    ['wrong-no-batch-mean', 'not-reduced', 'shape [8] where [] is expected: you return one value per example; the loss is the mean over the batch'],
    ['wrong-renamed', 'missing-function', 'function tripletLoss is not defined — keep the name and signature from the stub. Your code defines: triplet_loss'],
    ['wrong-syntax', 'syntax', 'syntax error at line 2, column 47'],
    ['wrong-typo', 'exception', 'line 4: TypeError: tf.subtract is not a function'],
  ])('%s', async (name, id, message) => {
    const report = await fixture(name);
    expect(report.status).toBe('graded');
    expect(report.score).toBeLessThan(0.2);
    expect(report.diagnosis).toMatchObject({ id });
    expect(report.diagnosis?.message).toContain(message);
  });

  it('a solution without a gradient path fails every gradient check, which carry over half the points', async () => {
    const report = await fixture('wrong-datasync');
    expect(report.tests.filter((t) => !t.passed).map((t) => t.id)).toEqual(['random-batch', 'margin-zero', 'gradient-anchor']);
    expect(report.score).toBeCloseTo(0.45);
    expect(report.diagnosis).toMatchObject({ id: 'outside-graph', source: 'engine' });
  });
});

describe('hidden tests', () => {
  it('say pass/fail and whether the diagnosis accounts for them, never values', async () => {
    const report = await fixture('wrong-sum-not-mean');
    const hidden = report.tests.filter((t) => !t.visible);
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    for (const t of hidden) {
      expect(t.expected).toBeUndefined();
      expect(t.actual).toBeUndefined();
      if (!t.passed) expect(t.message).toBe('failed (hidden test) — the mistake named above');
      expect(t.message).not.toMatch(/got|expected|shape|\d\.\d/);
    }
  });

  it('do not reveal exceptions either', async () => {
    const report = await fixture('wrong-typo');
    for (const t of report.tests.filter((x) => !x.visible)) expect(t.message).not.toContain('subtract');
  });
});

it('the stub scores below 100 % and the reference 100 %', async () => {
  expect((await grader.grade({ exercise, code: exercise.stub })).score).toBeLessThan(1);
  expect((await grader.grade({ exercise, code: exercise.reference })).score).toBe(1);
});
