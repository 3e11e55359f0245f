import { findNonFinite, formatNumber, indexString, shapeString } from './runner/tensors';
import type { TensorWire, Wire } from './runner/wire';

export interface Tolerance {
  rtol: number;
  atol: number;
}

/** A bound on one number of a property case's output (case-schema.ts). */
export interface Property {
  name: string;
  min?: number;
  max?: number;
}

/** How a case judges an output: within tolerance of the reference's, or, with properties, each number within its bounds. */
export type CaseCompare = Tolerance & { properties?: Property[] };

/** The verdict on one output: null when it passes, else the message. */
export function checkOutput(expected: Wire, actual: Wire, compare: CaseCompare, label = 'output'): string | null {
  return compare.properties ? checkProperties(actual, compare.properties, label) : compareWire(expected, actual, compare, label);
}

/**
 * A property case's output is a list of numbers (an array of numbers or a 1-D tensor), one per
 * property, computed by the case's `run` from the student's functions. Each must lie within its
 * bounds; the reference's values only have to pass the same bounds, so a sampler that draws its
 * noise in another order, or a training run whose float rounding differs, is judged by what it
 * produces rather than by matching the reference number for number.
 */
export function checkProperties(actual: Wire, properties: Property[], label = 'output'): string | null {
  const bad = findNonFinite(actual);
  if (bad) return `${label}${bad.path} contains ${bad.what}${bad.where ? ` ${bad.where}` : ''}`;
  const values = numbersOf(actual);
  if (!values || values.length !== properties.length) return `${label}: expected ${properties.length} numbers (${properties.map((p) => p.name).join(', ')}), got ${describe(actual)}`;
  for (const [i, p] of properties.entries()) {
    const v = values[i];
    if ((p.min === undefined || v >= p.min) && (p.max === undefined || v <= p.max)) continue;
    return `${p.name} is ${formatNumber(v)}, ${boundsText(p)}`;
  }
  return null;
}

function numbersOf(w: Wire): number[] | null {
  if (w.t === 'tensor' && w.shape.length === 1 && w.dtype === 'float32') return Array.from(w.values);
  if (w.t === 'array' && w.items.every((item) => item.t === 'number')) return w.items.map((item) => (item as { value: number }).value);
  return null;
}

function boundsText(p: Property): string {
  if (p.min !== undefined && p.max !== undefined) return `should be between ${formatNumber(p.min)} and ${formatNumber(p.max)}`;
  return p.min !== undefined ? `should be at least ${formatNumber(p.min)}` : `should be at most ${formatNumber(p.max!)}`;
}

/**
 * Compares the student's value with the reference's on the host, over copied data. Returns null
 * when they agree, else a message that says what is wrong and where. NaN/Infinity never pass.
 */
export function compareWire(expected: Wire, actual: Wire, tol: Tolerance, label = 'output'): string | null {
  const bad = findNonFinite(actual);
  if (bad) return `${label}${bad.path} contains ${bad.what}${bad.where ? ` ${bad.where}` : ''}`;
  return compareNode(expected, actual, tol, label);
}

function compareNode(expected: Wire, actual: Wire, tol: Tolerance, label: string): string | null {
  if (expected.t === 'tensor') {
    if (actual.t === 'tensor') return compareTensor(expected, actual, tol, label);
    return `${label}: got ${describe(actual)} but expected a tensor of shape ${shapeString(expected.shape)}${actual.t === 'number' ? ' — return the tf.Tensor itself, not a number read from it' : ''}`;
  }
  if (expected.t === 'number') {
    if (actual.t !== 'number') return `${label}: got ${describe(actual)} but expected a plain number`;
    return withinTolerance(actual.value, expected.value, tol) ? null : `${label}: got ${formatNumber(actual.value)} but expected ${formatNumber(expected.value)} ${tolText(tol)}`;
  }
  if (expected.t === 'array') {
    if (actual.t !== 'array') return `${label}: got ${describe(actual)} but expected an array of ${expected.items.length}`;
    if (actual.items.length !== expected.items.length) return `${label}: got ${actual.items.length} items but expected ${expected.items.length}`;
    for (const [i, item] of expected.items.entries()) {
      const msg = compareNode(item, actual.items[i], tol, `${label}[${i}]`);
      if (msg) return msg;
    }
    return null;
  }
  if (expected.t === 'object') {
    const keys = expected.entries.map(([k]) => k);
    if (actual.t !== 'object') return `${label}: got ${describe(actual)} but expected an object with keys ${keys.join(', ')}`;
    const got = new Map(actual.entries);
    for (const [key, item] of expected.entries) {
      const value = got.get(key);
      if (!value) return `${label}: the returned object has no key "${key}" (expected keys: ${keys.join(', ')})`;
      const msg = compareNode(item, value, tol, `${label}.${key}`);
      if (msg) return msg;
    }
    return null;
  }
  return `${label}: cannot compare a function output`;
}

function compareTensor(expected: TensorWire, actual: TensorWire, tol: Tolerance, label: string): string | null {
  if (!sameShape(expected.shape, actual.shape)) {
    return `${label}: shape ${shapeString(actual.shape)} but expected ${shapeString(expected.shape)}${shapeHint(expected.shape, actual.shape)}`;
  }
  if (expected.dtype !== actual.dtype) return `${label}: dtype ${actual.dtype} but expected ${expected.dtype}`;
  if (expected.dtype !== 'float32') {
    for (let i = 0; i < expected.values.length; i++) {
      if (expected.values[i] !== actual.values[i]) {
        return `${label}: value at index ${indexString(i, expected.shape)} is ${actual.values[i]} but expected ${expected.values[i]}`;
      }
    }
    return null;
  }
  let off = 0;
  let worst = -1;
  let worstAbs = 0;
  let maxRel = 0;
  for (let i = 0; i < expected.values.length; i++) {
    const e = expected.values[i];
    const a = actual.values[i];
    if (withinTolerance(a, e, tol)) continue;
    off += 1;
    const abs = Math.abs(a - e);
    if (abs > worstAbs) [worstAbs, worst] = [abs, i];
    if (e !== 0) maxRel = Math.max(maxRel, abs / Math.abs(e));
  }
  if (off === 0) return null;
  if (expected.values.length === 1) return `${label}: got ${formatNumber(actual.values[0])} but expected ${formatNumber(expected.values[0])} ${tolText(tol)}`;
  const where = expected.shape.length ? ` at index ${indexString(worst, expected.shape)}` : '';
  const rel = maxRel > 0 ? `, max rel error ${Number(maxRel.toPrecision(3))}` : '';
  const count = expected.values.length > 1 ? `; ${off} of ${expected.values.length} values off` : '';
  return `${label}: max abs error ${formatNumber(worstAbs)}${where} (got ${formatNumber(actual.values[worst])}, expected ${formatNumber(expected.values[worst])})${rel}${count} ${tolText(tol)}`;
}

function withinTolerance(a: number, e: number, tol: Tolerance): boolean {
  // An infinite expected value (a declared mistake's output) would make the tolerance infinite too.
  return Number.isFinite(a) && Number.isFinite(e) && Math.abs(a - e) <= tol.atol + tol.rtol * Math.abs(e);
}

function tolText(tol: Tolerance): string {
  const short = (v: number) => (v !== 0 && v < 1e-2 ? v.toExponential() : String(v));
  return `(rtol ${short(tol.rtol)}, atol ${short(tol.atol)})`;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Names the likely mistake when the shapes differ by one reducible or kept axis. */
function shapeHint(expected: number[], actual: number[]): string {
  const without = (shape: number[], axis: number) => shape.filter((_, i) => i !== axis);
  if (actual.length === expected.length + 1) {
    for (let axis = 0; axis < actual.length; axis++) {
      if (!sameShape(without(actual, axis), expected)) continue;
      if (actual[axis] === 1) return ` — drop the extra axis ${axis} of size 1 (keepDims?)`;
      // Whether a missing reduction is the batch mean depends on what the output is: the diagnosis says.
      return ` — did you forget to reduce over axis ${axis}?`;
    }
  }
  if (expected.length === actual.length + 1) {
    for (let axis = 0; axis < expected.length; axis++) {
      if (sameShape(without(expected, axis), actual)) return ` — axis ${axis} was reduced away but should be kept (wrong axis, or keepDims?)`;
    }
  }
  if (actual.length === expected.length && [...actual].sort().join() === [...expected].sort().join()) return ' — axes in the wrong order (transpose?)';
  return '';
}

function describe(w: Wire): string {
  switch (w.t) {
    case 'tensor':
      return `a tensor of shape ${shapeString(w.shape)}`;
    case 'number':
      return 'a number';
    case 'array':
      return `an array of ${w.items.length}`;
    case 'object':
      return 'an object';
    default:
      return 'a function';
  }
}
