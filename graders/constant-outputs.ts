import { checkOutput, compareWire, type CaseCompare, type Tolerance } from './compare';
import { DEFAULT_TOLERANCE } from './runner/case-schema';
import type { ReferenceCase } from './runner/reference';
import type { Wire } from './runner/wire';

/** The fills of the constant solutions every exercise is checked against (return 0, return 1). */
export const CONSTANT_FILLS = [0, 1] as const;

/**
 * The value a constant-returning solution gives where the reference gave `like`: the same
 * structure (object keys, array length, tensor shape and dtype) with every number set to `fill`.
 * Built from the reference's recorded outputs, so no exercise needs a hand-written constant solution.
 */
export function constantLike(like: Wire, fill: number): Wire {
  switch (like.t) {
    case 'tensor': {
      const n = like.values.length;
      const v = like.dtype === 'bool' ? (fill ? 1 : 0) : fill;
      return { ...like, values: like.dtype === 'float32' ? new Float32Array(n).fill(v) : new Int32Array(n).fill(v) };
    }
    case 'number':
      return { t: 'number', value: fill };
    case 'array':
      return { t: 'array', items: like.items.map((w) => constantLike(w, fill)) };
    case 'object':
      return { t: 'object', entries: like.entries.map(([k, w]) => [k, constantLike(w, fill)]) };
    default:
      return like;
  }
}

/**
 * Whether a solution whose outputs are all `fill` would pass this case, judged as the grader
 * judges: the value within the case's tolerance, and (a constant does not depend on its
 * inputs) every checked gradient zero.
 */
export function constantPasses(c: ReferenceCase, fill: number): boolean {
  const tol: CaseCompare = { ...DEFAULT_TOLERANCE, ...c.spec.compare };
  if (checkOutput(c.expected.value, constantLike(c.expected.value, fill), tol) !== null) return false;
  const grad = c.spec.grad;
  if (!grad || !c.expected.grads) return true;
  const gradTol: Tolerance = { rtol: grad.rtol ?? tol.rtol, atol: grad.atol ?? tol.atol };
  return c.expected.grads.every((g) => compareWire(g, constantLike(g, 0), gradTol) === null);
}
