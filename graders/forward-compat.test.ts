import { beforeAll, describe, expect, it } from 'vitest';
import { loadExercise, type LoadedExercise } from './content/load';
import { createGrader } from './grader';
import { metaJson, writeTempExercise } from './testing/temp-exercise';
import { buildVisibleCases } from './visible-cases/build';

// The shapes of exercises to come: object outputs, several entries, a function (a small network)
// as input, int32 and number outputs, and a property checked across two calls.
const reference = `
function couplingForward(x, net) {
  const [x1, x2] = tf.split(x, 2, 1);
  const { logScale, shift } = net(x1);
  return { y: tf.concat([x1, x2.mul(logScale.exp()).add(shift)], 1), logDet: logScale.sum(1) };
}
function couplingInverse(y, net) {
  const [y1, y2] = tf.split(y, 2, 1);
  const { logScale, shift } = net(y1);
  return { x: tf.concat([y1, y2.sub(shift).mul(logScale.neg().exp())], 1) };
}
function argmaxRows(x) { return tf.argMax(x, 1); }
function countPositive(x) { return tf.greater(x, 0).sum().dataSync()[0]; }
`;
const tests = `
const mlp = (tf, w) => (x) => {
  const h = tf.tanh(x.matMul(w.w1));
  return { logScale: tf.tanh(h.matMul(w.ws)), shift: h.matMul(w.wt) };
};
const net = (rng, fn) => fn(mlp, { w1: rng.normal([2, 8]), ws: rng.normal([8, 2], 0, 0.3), wt: rng.normal([8, 2]) });
defineTests([
  { id: 'forward', name: 'forward', visible: true, points: 1, seed: 1, entry: 'couplingForward',
    inputs: ({ rng, fn }) => [rng.normal([5, 4]), net(rng, fn)], grad: { wrt: [0], output: 'logDet' } },
  { id: 'round-trip', name: 'inverse undoes forward', visible: false, points: 1, seed: 2,
    inputs: ({ rng, fn }) => [rng.normal([5, 4]), net(rng, fn)],
    run: ({ couplingForward, couplingInverse }, x, n) => couplingInverse(couplingForward(x, n).y, n).x },
  { id: 'argmax', name: 'int32 output', visible: true, points: 1, seed: 3, entry: 'argmaxRows', inputs: ({ rng }) => [rng.normal([6, 3])] },
  { id: 'count', name: 'number output', visible: true, points: 1, seed: 4, entry: 'countPositive', inputs: ({ rng }) => [rng.normal([10])] },
]);
`;

const grader = createGrader({ concurrency: 2 });
let exercise: LoadedExercise;

beforeAll(async () => {
  const dir = await writeTempExercise('flow-coupling', {
    'exercise.json': metaJson('flow-coupling', ['couplingForward', 'couplingInverse', 'argmaxRows', 'countPositive'], { points: 4 }),
    'statement.md': '# Coupling\n\n$y = x \\odot e^{s} + t$\n',
    'stub.js': 'function couplingForward(x, net) {}\nfunction couplingInverse(y, net) {}\nfunction argmaxRows(x) {}\nfunction countPositive(x) {}\n',
    'reference.js': reference,
    'tests.js': tests,
  });
  exercise = await loadExercise(dir);
});

describe('forward-compatible exercise format', () => {
  it('grades the reference at 100 % (objects, function inputs, int32, numbers, compositions)', async () => {
    const report = await grader.grade({ exercise, code: reference });
    expect(report.tests.map((t) => [t.id, t.passed, t.message])).toEqual([
      ['forward', true, 'passed'],
      ['round-trip', true, 'passed'],
      ['argmax', true, 'passed'],
      ['count', true, 'passed'],
    ]);
  });

  it('names the key, dtype and kind that are wrong', async () => {
    const code = reference
      .replace('logDet: logScale.sum(1)', 'logDet: logScale.sum(0)')
      .replace('return tf.argMax(x, 1);', "return tf.argMax(x, 1).cast('float32');")
      .replace('.sum().dataSync()[0]', '.sum()');
    const messages = (await grader.grade({ exercise, code })).tests.map((t) => t.message);
    expect(messages[0]).toContain('output.logDet: shape [2] but expected [5]');
    expect(messages[2]).toBe('output: dtype float32 but expected int32');
    expect(messages[3]).toContain('got a tensor of shape [] but expected a plain number');
  });

  it('checks a property across two calls with the student functions', async () => {
    const code = reference.replace('y2.sub(shift).mul(logScale.neg().exp())', 'y2.sub(shift).div(logScale.neg().exp())');
    const report = await grader.grade({ exercise, code });
    // No declared mistake explains it: the hidden test says so neutrally, with no hint about something else.
    expect(report.tests.find((t) => t.id === 'round-trip')).toMatchObject({ passed: false, message: 'failed (hidden test)' });
    expect(report.tests.find((t) => t.id === 'forward')?.passed).toBe(true);
  });

  it('compares gradients of a chosen output key', async () => {
    const code = reference.replace(
      'const { logScale, shift } = net(x1);',
      'const { logScale: ls, shift } = net(x1); const logScale = tf.customGrad((v, save) => ({ value: v.clone(), gradFunc: (dy) => dy.mul(2) }))(ls);',
    );
    const report = await grader.grade({ exercise, code });
    // Same values, wrong gradient: only the gradient comparison can catch it.
    expect(report.tests[0].message).toContain('gradient w.r.t. x: max abs error');
  });

  it('serialises visible cases (with function inputs) for the browser, never hidden ones', async () => {
    const cases = await buildVisibleCases(exercise, grader);
    expect(cases.map((c) => c.id)).toEqual(['forward', 'argmax', 'count']);
    const json = JSON.parse(JSON.stringify(cases));
    expect(json[0].args[1]).toMatchObject({ t: 'fn', source: expect.stringContaining('tf.tanh'), params: { t: 'object' } });
    expect(json[0].grad.expected[0]).toMatchObject({ t: 'tensor', shape: [5, 4], dtype: 'float32' });
    expect(json[1].expected).toMatchObject({ t: 'tensor', dtype: 'int32', shape: [6] });
    expect(json[2].expected).toEqual({ t: 'number', value: expect.any(Number) });
  });
});
