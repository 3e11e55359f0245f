import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExercise, type LoadedExercise } from './content/load';
import { createGrader } from './grader';
import type { GradeReport } from './report';

const grader = createGrader({ concurrency: 2 });
let exercise: LoadedExercise;
const fixture = async (name: string) => grader.grade({ exercise, code: await readFile(`tests/fixtures/triplet-loss/${name}.js`, 'utf8') });
const visibleMessages = (r: GradeReport) => r.tests.filter((t) => t.visible).map((t) => t.message);

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
    expect(report.logs).toEqual(['batch size 2', 'batch size 8', '(console output during hidden tests is not shown)']);
  });
});

describe('triplet-loss: the usual mistakes lose points with a message that names them', () => {
  it.each([
    ['wrong-sum-not-mean', 'take the mean instead'],
    ['wrong-euclidean', 'squared distance'],
    ['wrong-axis', 'reduce over the last axis'],
    ['wrong-no-hinge', 'the hinge is missing'],
    ['wrong-no-batch-mean', 'shape [2] but expected [] — did you forget to average over the batch'],
    ['wrong-renamed', 'function tripletLoss is not defined — keep the name and signature from the stub. Your code defines: triplet_loss'],
    ['wrong-syntax', 'syntax error at line 2, column 47'],
    ['wrong-typo', 'line 4: TypeError: tf.subtract is not a function'],
  ])('%s', async (name, message) => {
    const report = await fixture(name);
    expect(report.status).toBe('graded');
    expect(report.score).toBeLessThan(0.2);
    expect(visibleMessages(report)[0]).toContain(message);
  });

  it('a solution without a gradient path fails only the gradient check', async () => {
    const report = await fixture('wrong-datasync');
    expect(report.tests.filter((t) => !t.passed).map((t) => t.id)).toEqual(['gradient-anchor']);
    expect(report.score).toBeCloseTo(0.8);
  });
});

describe('hidden tests', () => {
  it('say pass/fail and the hint, never values', async () => {
    const report = await fixture('wrong-sum-not-mean');
    const hidden = report.tests.filter((t) => !t.visible);
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    for (const t of hidden) {
      expect(t.expected).toBeUndefined();
      expect(t.actual).toBeUndefined();
      if (!t.passed) expect(t.message).toMatch(/^failed \(hidden test\)\. Hint: /);
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
