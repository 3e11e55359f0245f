// Browser-safe: the shape of a visible case on the wire, and the conversions both ends share. The
// server serializes (build.ts); the browser's Run turns a case back into the ReferenceCase the
// grader's own assembly code takes, so Run and Submit say the same thing about the same code.
import type { CaseCompare } from '../compare';
import { DEFAULT_TOLERANCE } from '../runner/case-schema';
import type { ReferenceCase } from '../runner/reference';
import type { Wire } from '../runner/wire';

/** A wire value with plain number arrays instead of typed arrays, so it survives JSON. */
export type SerializedValue =
  | { t: 'tensor'; shape: number[]; dtype: 'float32' | 'int32' | 'bool'; values: number[] }
  | { t: 'number'; value: number }
  | { t: 'array'; items: SerializedValue[] }
  | { t: 'object'; entries: [string, SerializedValue][] }
  | { t: 'fn'; source: string; params: SerializedValue };

/** What the in-browser Run needs to check one visible case exactly as the server would. */
export interface VisibleCase {
  id: string;
  name: string;
  points: number;
  entry: string;
  /** Source of (fns, ...args) => output, when the case composes several calls. */
  run: string | null;
  args: SerializedValue[];
  expected: SerializedValue;
  grad: { wrt: number[]; output: string | null; expected: SerializedValue[]; rtol?: number; atol?: number } | null;
  compare: CaseCompare;
  /** The reference's warm time on the server, from which Submit's limit for this case follows. */
  referenceMs: number;
  /** The declared mistakes' outputs on this case, so Run names a mistake like Submit does. */
  mistakes: { id: string; message: string; value: SerializedValue }[];
}

export type VisibleCasesResponse = { versionHash: string; cases: VisibleCase[] };

export function toVisibleCase({ spec, args, expected, referenceMs, mistakes }: ReferenceCase, entry: string): VisibleCase {
  return {
    id: spec.id,
    name: spec.name,
    points: spec.points,
    entry: spec.entry ?? entry,
    run: spec.run ?? null,
    args: args.map(serialize),
    expected: serialize(expected.value),
    grad: spec.grad && expected.grads ? { wrt: spec.grad.wrt, output: spec.grad.output ?? null, expected: expected.grads.map(serialize), rtol: spec.grad.rtol, atol: spec.grad.atol } : null,
    compare: { ...DEFAULT_TOLERANCE, ...spec.compare },
    referenceMs,
    mistakes: mistakes.map((m) => ({ id: m.id, message: m.message, value: serialize(m.value) })),
  };
}

/** The inverse of toVisibleCase: what the grader's assembly takes, rebuilt in the browser. */
export function toReferenceCase(c: VisibleCase): ReferenceCase {
  return {
    spec: {
      id: c.id,
      name: c.name,
      visible: true,
      points: c.points,
      seed: 0,
      inputs: 'function',
      entry: c.entry,
      run: c.run ?? undefined,
      compare: c.compare,
      grad: c.grad ? { wrt: c.grad.wrt, output: c.grad.output ?? undefined, rtol: c.grad.rtol, atol: c.grad.atol } : undefined,
    },
    args: c.args.map(deserialize),
    expected: { value: deserialize(c.expected), grads: c.grad ? c.grad.expected.map(deserialize) : null },
    mistakes: c.mistakes.map((m) => ({ id: m.id, message: m.message, value: deserialize(m.value) })),
    referenceMs: c.referenceMs,
  };
}

export function serialize(w: Wire): SerializedValue {
  switch (w.t) {
    case 'tensor':
      return { t: 'tensor', shape: w.shape, dtype: w.dtype, values: Array.from(w.values) };
    case 'number':
      return w;
    case 'array':
      return { t: 'array', items: w.items.map(serialize) };
    case 'object':
      return { t: 'object', entries: w.entries.map(([k, v]) => [k, serialize(v)]) };
    case 'fn':
      return { t: 'fn', source: w.source, params: serialize(w.params) };
  }
}

/** Typed arrays back, as the isolate would produce them. */
export function deserialize(v: SerializedValue): Wire {
  switch (v.t) {
    case 'tensor':
      return { t: 'tensor', shape: v.shape, dtype: v.dtype, values: v.dtype === 'float32' ? Float32Array.from(v.values) : Int32Array.from(v.values) };
    case 'number':
      return v;
    case 'array':
      return { t: 'array', items: v.items.map(deserialize) };
    case 'object':
      return { t: 'object', entries: v.entries.map(([k, item]) => [k, deserialize(item)]) };
    case 'fn':
      return { t: 'fn', source: v.source, params: deserialize(v.params) };
  }
}
