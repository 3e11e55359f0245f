import { describe, expect, it } from 'vitest';
import { checkOutput, checkProperties, compareWire } from './compare';
import type { Wire } from './runner/wire';

const f32 = (shape: number[], values: number[]): Wire => ({ t: 'tensor', shape, dtype: 'float32', values: Float32Array.from(values) });
const i32 = (shape: number[], values: number[]): Wire => ({ t: 'tensor', shape, dtype: 'int32', values: Int32Array.from(values) });
const tol = { rtol: 1e-5, atol: 1e-6 };

describe('compareWire', () => {
  it('accepts values within rtol/atol', () => {
    expect(compareWire(f32([2], [1, 100]), f32([2], [1 + 5e-7, 100 + 5e-4]), tol)).toBeNull();
  });

  it('reports the worst element with its index and both values', () => {
    expect(compareWire(f32([2, 2], [0, 1, 2, 3]), f32([2, 2], [0, 1, 2.12, 3]), tol)).toBe(
      'output: max abs error 0.12 at index [1, 0] (got 2.12, expected 2), max rel error 0.06; 1 of 4 values off (rtol 1e-5, atol 1e-6)',
    );
  });

  it('never lets NaN or Infinity pass, and says where they are', () => {
    expect(compareWire(f32([4], [0, 0, 0, 0]), f32([4], [0, 0, 0, NaN]), { rtol: 1, atol: 1e3 })).toBe('output contains NaN at index [3]');
    expect(compareWire({ t: 'number', value: 1 }, { t: 'number', value: Infinity }, tol)).toBe('output contains Infinity');
  });

  it('hints at the reduction behind a shape mismatch', () => {
    expect(compareWire(f32([], [1]), f32([64], new Array(64).fill(1)), tol)).toBe('output: shape [64] but expected [] — did you forget to reduce over axis 0?');
    expect(compareWire(f32([3], [1, 2, 3]), f32([3, 4], new Array(12).fill(0)), tol)).toContain('did you forget to reduce over axis 1?');
    expect(compareWire(f32([3, 4], new Array(12).fill(0)), f32([4], [1, 2, 3, 4]), tol)).toContain('axis 0 was reduced away but should be kept');
    expect(compareWire(f32([3], [1, 2, 3]), f32([3, 1], [1, 2, 3]), tol)).toContain('drop the extra axis 1 of size 1');
  });

  it('compares dtypes and integer values exactly', () => {
    expect(compareWire(i32([2], [1, 2]), f32([2], [1, 2]), tol)).toBe('output: dtype float32 but expected int32');
    expect(compareWire(i32([2], [1, 2]), i32([2], [1, 3]), tol)).toBe('output: value at index [1] is 3 but expected 2');
  });

  it('walks objects and names the missing key', () => {
    const expected: Wire = {
      t: 'object',
      entries: [
        ['y', f32([1], [1])],
        ['logDet', f32([], [0])],
      ],
    };
    expect(compareWire(expected, { t: 'object', entries: [['y', f32([1], [1])]] }, tol)).toBe('output: the returned object has no key "logDet" (expected keys: y, logDet)');
    expect(compareWire(expected, f32([1], [1]), tol)).toBe('output: got a tensor of shape [1] but expected an object with keys y, logDet');
  });

  it('tells a number from a tensor', () => {
    expect(compareWire(f32([], [1]), { t: 'number', value: 1 }, tol)).toContain('return the tf.Tensor itself');
    expect(compareWire({ t: 'number', value: 1 }, f32([], [1]), tol)).toBe('output: got a tensor of shape [] but expected a plain number');
  });
});

describe('checkProperties (property cases)', () => {
  const props = [
    { name: 'mean x₁', min: -0.1, max: 0.1 },
    { name: 'loss ratio', max: 0.5 },
    { name: 'accuracy', min: 0.9 },
  ];
  const nums = (...v: number[]): Wire => ({ t: 'array', items: v.map((value) => ({ t: 'number', value }) as Wire) });

  it('passes when every number is within its bounds, whatever the reference computed', () => {
    expect(checkProperties(nums(0.05, 0.2, 0.95), props)).toBeNull();
    expect(checkProperties(f32([3], [-0.09, 0.5, 0.92]), props)).toBeNull();
    // checkOutput ignores the expected value of a property case: a different sample passes too.
    expect(checkOutput(nums(0.01, 0.1, 1), nums(-0.05, 0.4, 0.91), { rtol: 0, atol: 0, properties: props })).toBeNull();
  });

  it('names the first property out of bounds with its value and bounds', () => {
    expect(checkProperties(nums(0.3, 0.2, 0.95), props)).toBe('mean x₁ is 0.3, should be between -0.1 and 0.1');
    expect(checkProperties(nums(0, 0.9, 0.95), props)).toBe('loss ratio is 0.9, should be at most 0.5');
    expect(checkProperties(nums(0, 0.2, 0.5), props)).toBe('accuracy is 0.5, should be at least 0.9');
  });

  it('refuses NaN, a wrong count and a non-list output', () => {
    expect(checkProperties(nums(NaN, 0.2, 0.95), props)).toContain('NaN');
    expect(checkProperties(nums(0, 0.2), props)).toBe('output: expected 3 numbers (mean x₁, loss ratio, accuracy), got an array of 2');
    expect(checkProperties(f32([3, 1], [0, 0, 1]), props)).toContain('expected 3 numbers');
  });

  it('without properties, checkOutput is the tolerance comparison', () => {
    expect(checkOutput(f32([1], [1]), f32([1], [1.5]), tol)).toContain('got 1.5 but expected 1');
  });
});
