import { describe, expect, it } from 'vitest';
import { loadExercise } from './content/load';
import { createGrader } from './grader';
import { metaJson, writeTempExercise } from './testing/temp-exercise';
import { validateExercise } from './validate';

const grader = createGrader({ concurrency: 2 });
const base = {
  'exercise.json': metaJson('double', ['double'], { points: 2 }),
  'statement.md': '# Double\n\nReturn $2x$.\n',
  'stub.js': 'function double(x) {\n  // TODO\n  return x;\n}\n',
  'reference.js': 'function double(x) { return x.mul(2); }\n',
  'tests.js': `defineTests([
  { id: 'small', name: 'small', visible: true, points: 1, seed: 1, inputs: ({ rng }) => [rng.normal([3])] },
  { id: 'hidden', name: 'hidden', visible: false, points: 1, seed: 2, inputs: ({ rng }) => [rng.int([4], 0, 9)] },
]);`,
};
const check = async (overrides: Record<string, string> = {}) => validateExercise(await loadExercise(await writeTempExercise('double', { ...base, ...overrides })), grader);

describe('validateExercise', () => {
  it('passes a sound exercise', async () => {
    expect(await check()).toMatchObject({ problems: [], referenceScore: 1, stubScore: 0 });
  });

  it('rejects a declared mistake that never differs from the reference, or that another mistake shadows', async () => {
    const mistakes = `, { mistakes: [
  { id: 'triple', message: 'times 3, not 2', replace: { double: (x) => x.mul(3) } },
  { id: 'same-as-reference', message: 'x · 1 · 2', replace: { double: (x) => x.mul(1).mul(2) } },
  { id: 'triple-again', message: '1.5 · 2x', replace: { double: (x) => x.mul(2).mul(1.5) } },
] });`;
    const tests = base['tests.js'].replace(/\]\);$/, `]${mistakes}`);
    const { problems } = await check({ 'tests.js': tests });
    expect(problems).toEqual([
      expect.stringMatching(/^tests\.js: mistakes: "same-as-reference" gives the reference's output on every case/),
      expect.stringMatching(/^tests\.js: mistakes: "triple-again" is diagnosed as "triple"/),
    ]);
  });

  it('rejects a per-test hint: hints belong to mistakes', async () => {
    const { problems } = await check({ 'tests.js': base['tests.js'].replace('seed: 2,', "seed: 2, hint: 'multiply',") });
    expect(problems).toEqual([expect.stringMatching(/^tests\.js: cases\[1\]\.hint: hints are attached to mistakes/)]);
  });

  it('reports a bad case field with its path in tests.js', async () => {
    const { problems } = await check({ 'tests.js': base['tests.js'].replace('points: 1, seed: 2', "points: 'one', seed: 2") });
    expect(problems).toEqual([expect.stringMatching(/^tests\.js: cases\[1\]\.points: /)]);
  });

  it('reports a reference that throws, with its line', async () => {
    const { problems } = await check({ 'reference.js': 'function double(x) {\n  return x.mul(y);\n}\n' });
    expect(problems[0]).toBe('reference.js: case small: ReferenceError: y is not defined (reference.js line 2)');
  });

  it('rejects a stub that already scores 100 %, points that do not add up, and broken LaTeX', async () => {
    const { problems } = await check({
      'stub.js': base['reference.js'],
      'exercise.json': metaJson('double', ['double'], { points: 3 }),
      'statement.md': '# Double\n\n$\\frac{2$\n',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^statement\.md: line 3: KaTeX parse error/),
      'tests.js: cases: points add up to 2, but exercise.json points is 3',
      'stub.js scores 100 %: it must leave the work to the student',
    ]);
  });

  it('rejects a stub that earns points, naming the cases', async () => {
    // The stub returns x, which is right wherever x is 0.
    const { problems } = await check({
      'tests.js': base['tests.js'].replace('inputs: ({ rng }) => [rng.int([4], 0, 9)]', 'inputs: ({ tf }) => [tf.zeros([4])]'),
    });
    expect(problems).toEqual([
      expect.stringMatching(/^stub\.js earns 1 point\(s\) on hidden \(1\): a case that an untouched or constant answer passes/),
      expect.stringMatching(/^a solution returning constant 0s earns 1 point\(s\) on hidden \(1\)/),
    ]);
  });

  it('rejects a case that a constant answer passes, for each output of an object', async () => {
    const { problems } = await check({
      'exercise.json': metaJson('double', ['double'], { points: 3 }),
      'stub.js': 'function double(x) {\n  return { y: tf.zeros([2]), n: 0 };\n}\n',
      'reference.js': 'function double(x) { return { y: x.mul(2), n: x.sum().mul(0).add(1).arraySync() }; }\n',
      'tests.js': `defineTests([
  { id: 'small', name: 'small', visible: true, points: 2, seed: 1, inputs: ({ rng }) => [rng.normal([3])] },
  { id: 'ones', name: 'ones', visible: false, points: 1, seed: 2, inputs: ({ tf }) => [tf.fill([2], 0.5)] },
]);`,
    });
    expect(problems).toEqual([expect.stringMatching(/^a solution returning constant 1s earns 1 point\(s\) on ones \(1\): /)]);
  });

  it('passes once that case carries no points on its own', async () => {
    const { problems } = await check({
      'tests.js': `defineTests([
  { id: 'small', name: 'small', visible: true, points: 1, seed: 1, inputs: ({ rng }) => [rng.normal([3])] },
  { id: 'hidden', name: 'zeros with a random batch', visible: false, points: 1, seed: 2,
    inputs: ({ tf, rng }) => [tf.zeros([4]), rng.normal([4])], run: ({ double }, z, x) => [double(z), double(x)] },
]);`,
    });
    expect(problems).toEqual([]);
  });

  it('never evaluates tests.js in the host process', async () => {
    const { problems } = await check({ 'tests.js': `process.exit(3);\n${base['tests.js']}` });
    expect(problems).toEqual(['tests.js: ReferenceError: process is not defined (tests.js line 1)']);
  });
});
