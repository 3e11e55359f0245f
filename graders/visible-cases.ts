import type { LoadedExercise } from './content/load';
import { createGrader, type Grader } from './grader';
import { DEFAULT_TOLERANCE } from './runner/case-schema';
import type { Wire } from './runner/wire';

/** A wire value with plain number arrays instead of typed arrays, so it survives JSON. */
export type SerializedValue =
  | { t: 'tensor'; shape: number[]; dtype: 'float32' | 'int32' | 'bool'; values: number[] }
  | { t: 'number'; value: number }
  | { t: 'array'; items: SerializedValue[] }
  | { t: 'object'; entries: [string, SerializedValue][] }
  | { t: 'fn'; source: string; params: SerializedValue };

/** What the in-browser Run needs to check one visible case exactly as the server would. */
export interface SerializedCase {
  id: string;
  name: string;
  points: number;
  entry: string;
  /** Source of (fns, ...args) => output, when the case composes several calls. */
  run: string | null;
  args: SerializedValue[];
  expected: SerializedValue;
  grad: { wrt: number[]; output: string | null; expected: SerializedValue[] } | null;
  compare: { rtol: number; atol: number };
  /** The reference's warm time on the server, from which Submit's limit for this case follows. */
  referenceMs: number;
}

let shared: Grader | undefined;

/** Visible cases only: hidden inputs and expected values never leave the server. */
export async function buildVisibleCases(exercise: LoadedExercise, grader?: Grader): Promise<SerializedCase[]> {
  shared ??= createGrader();
  const ref = await (grader ?? shared).reference(exercise);
  return ref.cases
    .filter((c) => c.spec.visible)
    .map(({ spec, args, expected, referenceMs }) => ({
      id: spec.id,
      name: spec.name,
      points: spec.points,
      entry: spec.entry ?? exercise.meta.entry[0],
      run: spec.run ?? null,
      args: args.map(serialize),
      expected: serialize(expected.value),
      grad: spec.grad && expected.grads ? { wrt: spec.grad.wrt, output: spec.grad.output ?? null, expected: expected.grads.map(serialize) } : null,
      compare: { ...DEFAULT_TOLERANCE, ...spec.compare },
      referenceMs,
    }));
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
