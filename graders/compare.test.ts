import { describe, expect, it } from 'vitest';
import { compareWire } from './compare';
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
