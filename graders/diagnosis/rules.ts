import { failureMessage, exceptionText } from '../messages';
import type { Failure } from '../runner/student';
import { findNonFinite, shapeString } from '../runner/tensors';
import type { TensorWire, Wire } from '../runner/wire';
import { compareWire } from '../compare';
import { entryOf, tolerance, type CaseEvidence, type Evidence } from './evidence';
import { raisedInsideTfjs, studentLine, translateTfjsError } from './tfjs-errors';

export interface Diagnosis {
  /** A declared mistake's id, or one of the engine's own (GENERIC_DIAGNOSES). */
  id: string;
  /** The mistake in the student's terms, with at most one line on where to look. */
  message: string;
  source: 'mistake' | 'engine';
  /** Test ids this diagnosis accounts for; a failing test outside it is reported neutrally. */
  explains: string[];
}

export type Rule = (e: Evidence) => Diagnosis | null;

const failing = (e: Evidence) => e.cases.filter((x) => !x.passed);
const ids = (cases: CaseEvidence[]) => cases.map((x) => x.c.spec.id);
const engine = (id: string, message: string, explains: CaseEvidence[]): Diagnosis => ({ id, message, source: 'engine', explains: ids(explains) });
const failureOf = (x: CaseEvidence): Failure | null => (x.outcome.ok ? null : x.outcome.failure);

/** Code that never got to run a case: a syntax error, a top-level throw, a missing function, a loop while loading. */
const fatal: Rule = (e) => {
  const failures = failing(e).map(failureOf);
  const first = failures[0];
  if (!first || failures.length !== e.cases.length) return null;
  const all = failing(e);
  if (first.kind === 'syntax') return engine('syntax', failureMessage(first, e.exercise), all);
  if (first.kind === 'top-level') return engine('exception', failureMessage(first, e.exercise), all);
  if (first.kind === 'killed' && first.atTopLevel) return engine(first.reason === 'memory' ? 'memory' : 'timeout', failureMessage(first, e.exercise), all);
  if (failures.every((f) => f?.kind === 'call' && f.error.kind === 'missing')) return engine('missing-function', failureMessage(first, e.exercise), all);
  return null;
};

/** The function disposed or overwrote one of its inputs: the caller (and the gradient check) still needs them. */
const inputsTouched: Rule = (e) => {
  const probe = e.visibleProbes.find((p) => p.disposed.length || p.mutated.length);
  if (!probe || failing(e).length === 0) return null;
  const entry = e.exercise.meta.entry[0];
  const name = (i: number) => `\`${e.params(entry)[i] ?? `argument ${i + 1}`}\``;
  if (probe.disposed.length) {
    const them = probe.disposed.length > 1 ? 'them' : 'it';
    return engine('disposed-input', `your function disposed ${list(probe.disposed.map(name))}; the caller still needs ${them} — dispose only tensors you created (or let tf.tidy do it)`, failing(e));
  }
  return engine(
    'mutated-input',
    `your function changed the values of ${list(probe.mutated.map(name))} in place (through dataSync()?); inputs must stay as they were — compute new tensors instead`,
    failing(e),
  );
};

const list = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]);

const RANDOM_NAMES = 'tf.randomNormal, tf.randomUniform, Math.random';

/** Draws its own random numbers: every exercise here passes the noise in, so the result cannot match. */
const ownRandomness: Rule = (e) => {
  if (!e.visibleProbes.some((p) => p.random > 0)) return null;
  const wrong = failing(e).filter((x) => x.outcome.ok && !x.valueOk);
  if (!wrong.length) return null;
  const given = e.params(e.exercise.meta.entry[0]).find((p) => /eps|noise|^z$|^u$/i.test(p));
  return engine(
    'own-randomness',
    `your function draws its own random numbers (${RANDOM_NAMES}); use the noise that is passed in${given ? ` as \`${given}\`` : ''}, so the result is reproducible and gradeable`,
    wrong,
  );
};

/** The declared mistake whose outputs match the student's on the most failing cases. */
const declaredMistake: Rule = (e) => {
  // A mistake is ruled out by a case on which it goes wrong while the student's value is right, or,
  // on a visible case, wrong in another way: naming it would point at a mistake they did not make.
  // A hidden case wrong in another way only says there is a second bug (reported as such).
  const against = (x: CaseEvidence) => x.outcome.ok && (x.valueOk || x.c.spec.visible);
  const ruledOut = new Set(e.cases.filter(against).flatMap((x) => x.c.mistakes.filter((m) => !x.mistakes.includes(m.id)).map((m) => m.id)));
  const counts = new Map<string, CaseEvidence[]>();
  for (const x of failing(e)) for (const id of x.mistakes.filter((m) => !ruledOut.has(m))) counts.set(id, [...(counts.get(id) ?? []), x]);
  let best: [string, CaseEvidence[]] | undefined;
  for (const entry of counts) if (!best || entry[1].length > best[1].length) best = entry;
  if (!best) return null;
  const message = best[1][0].c.mistakes.find((m) => m.id === best[0])!.message;
  return { id: best[0], message, source: 'mistake', explains: ids(best[1]) };
};

const NO_GRADIENT_OPS: Record<string, string> = {
  round: 'tf.round',
  floor: 'tf.floor',
  ceil: 'tf.ceil',
  sign: 'tf.sign',
  step: 'tf.step',
  greater: 'tf.greater',
  greaterEqual: 'tf.greaterEqual',
  less: 'tf.less',
  lessEqual: 'tf.lessEqual',
  equal: 'tf.equal',
  notEqual: 'tf.notEqual',
  argMax: 'tf.argMax',
  argMin: 'tf.argMin',
  oneHot: 'tf.oneHot',
  flipLeftRight: 'tf.image.flipLeftRight',
  cropAndResize: 'tf.image.cropAndResize',
  topk: 'tf.topk',
};

/** Values right, gradient wrong or missing: say which op or habit cut the graph. */
const gradient: Rule = (e) => {
  // Only when every value is right: a gradient that fails beside wrong values has the same cause.
  const gradFailures = failing(e).filter((x) => x.valueOk || isGradError(failureOf(x)));
  if (!gradFailures.length || gradFailures.length < failing(e).length) return null;
  const missing = gradFailures
    .map(gradErrorOf)
    .map((err) => err && /gradient function not found for (\w+)/i.exec(err.message)?.[1])
    .find(Boolean);
  if (missing)
    return engine(
      'no-gradient',
      `tfjs has no gradient for ${missing}, so the gradient check cannot flow through it: build the result from differentiable ops (slices, reverse, transpose, concat)`,
      gradFailures,
    );
  const ops = new Set(e.visibleProbes.flatMap((p) => p.ops));
  const cut = Object.keys(NO_GRADIENT_OPS).find((op) => ops.has(op));
  if (cut) {
    return engine(
      'no-gradient',
      `${NO_GRADIENT_OPS[cut]} has no gradient (it is flat or a comparison), so the gradient check cannot flow through it: use a differentiable op such as tf.relu or tf.maximum`,
      gradFailures,
    );
  }
  const reads = Math.max(0, ...e.visibleProbes.map((p) => p.reads));
  if (reads > 0) {
    return engine(
      'outside-graph',
      `your function reads values out of tensors (dataSync/arraySync, ${reads}× per call) and computes with plain numbers, so no gradient flows back: keep every step a tf operation`,
      gradFailures,
    );
  }
  if (gradFailures.some((x) => gradErrorOf(x)?.kind === 'grad')) {
    return engine(
      'no-gradient',
      'no gradient flows from your output back to the input: some step is not a differentiable tf op (an op without a gradient, or a tensor rebuilt from plain numbers)',
      gradFailures,
    );
  }
  if (gradFailures.every((x) => x.outcome.ok && x.outcome.grads?.every(allZero))) {
    return engine('no-gradient', 'the gradient is zero everywhere: the output does not depend on the input through differentiable tf operations', gradFailures);
  }
  return engine(
    'gradient-mismatch',
    'the values are right but the gradient is not: part of the computation is cut from the graph or differs from the formula (a constant read out of a tensor, tf.stopGradient?)',
    gradFailures,
  );
};

function gradErrorOf(x: CaseEvidence) {
  if (x.outcome.ok) return x.outcome.gradError ?? null;
  return x.outcome.failure.kind === 'call' ? x.outcome.failure.error : null;
}

function isGradError(f: Failure | null): boolean {
  return f?.kind === 'call' && (f.error.kind === 'grad' || /gradient function not found|Cannot compute gradient/i.test(f.error.message));
}

const allZero = (w: Wire): boolean => w.t === 'tensor' && w.values.every((v) => v === 0);

/** NaN or Infinity where the reference is finite, while ordinary cases come out right. */
const unstable: Rule = (e) => {
  const blown = failing(e).filter((x) => x.outcome.ok && findNonFinite(x.outcome.value) && !findNonFinite(x.c.expected.value));
  if (!blown.length || !e.cases.some((x) => x.valueOk)) return null;
  const ops = new Set(e.visibleProbes.flatMap((p) => p.ops));
  const advice = ops.has('exp')
    ? 'exp overflows float32 above about 88: use tf.logSumExp, or subtract the maximum before exponentiating'
    : ops.has('log')
      ? 'a log of 0 (or of a negative number) gives -Infinity/NaN: compute it in a form that stays finite, e.g. with tf.logSumExp or log-space arithmetic'
      : 'look for exp of large values, log of 0 or division by a tiny number';
  return engine('unstable', `your output is NaN or Infinity on inputs with extreme values (where the reference stays finite): ${advice}`, blown);
};

/**
 * Passes a visible case, fails cases of other sizes, and writes a size of that visible case as a
 * literal. Only visible sizes are ever named; hidden cases decide only whether it applies.
 */
const hardCodedSize: Rule = (e) => {
  const passing = e.cases.filter((x) => x.c.spec.visible && x.passed);
  if (!passing.length || !failing(e).length) return null;
  const sizes = new Set(passing.flatMap((x) => x.c.args.flatMap(sizesOf)).filter((d) => d >= 3));
  // A number the reference writes too (256 levels, an axis order) is part of the task, not an assumption.
  const own = new Set(codeLines(e.exercise.reference).flatMap(sizeLiterals));
  for (const [i, line] of codeLines(e.code).entries()) {
    const literal = sizeLiterals(line).find((n) => sizes.has(n) && !own.has(n));
    if (literal === undefined) continue;
    const otherSizes = failing(e).filter((x) => !x.c.args.flatMap(sizesOf).includes(literal));
    if (otherSizes.length) {
      return engine('hard-coded-size', `your code assumes a size of ${literal} (line ${i + 1}), which only some tests have: read sizes from the inputs' .shape`, otherSizes);
    }
  }
  return null;
};

// Tensor dimensions and integer arguments (a number of steps T is a size too).
const sizesOf = (w: Wire): number[] =>
  w.t === 'tensor'
    ? w.shape
    : w.t === 'number'
      ? Number.isInteger(w.value)
        ? [w.value]
        : []
      : w.t === 'array'
        ? w.items.flatMap(sizesOf)
        : w.t === 'object'
          ? w.entries.flatMap(([, v]) => sizesOf(v))
          : [];
const codeLines = (code: string) =>
  code
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((l) => l.replace(/\/\/.*$/, ''));
// Integer literals of a line, except those of an axis order like [0, 2, 1, 3].
function sizeLiterals(line: string): number[] {
  const permutations = [...line.matchAll(/\[([\d\s,]*)\]/g)].filter((m) => {
    const numbers = m[1].split(',').map((n) => Number(n.trim()));
    return numbers.length > 1 && [...numbers].sort((a, b) => a - b).every((n, i) => n === i);
  });
  const masked = permutations.reduce((text, m) => text.replace(m[0], ''), line);
  return [...masked.matchAll(/(?<![\w.])(\d+)(?![\w.])/g)].map((n) => Number(n[1]));
}

/** Wrong shape or dtype: broadcasting, keepDims, a missing or wrong reduction, one-hot labels, a transpose. */
const shapeOrDtype: Rule = (e) => {
  // Visible cases only: the message quotes shapes. Where batch and feature sizes differ, the shape
  // says more, so those cases go first.
  const distinctSizes = (x: CaseEvidence) => new Set(x.c.args.flatMap(sizesOf)).size;
  const visible = failing(e).filter((x) => x.c.spec.visible);
  for (const x of visible.sort((a, b) => distinctSizes(b) - distinctSizes(a))) {
    if (!x.outcome.ok) continue;
    const pair = firstTensorMismatch(x.c.expected.value, x.outcome.value);
    if (!pair) continue;
    const [expected, actual, where] = pair;
    const same = failing(e).filter((y) => y.outcome.ok && firstTensorMismatch(y.c.expected.value, y.outcome.value)?.[2] === where);
    const diagnosis = shapeDiagnosis(e, x, expected, actual, where);
    if (diagnosis) return engine(diagnosis.id, diagnosis.message, same);
  }
  return null;
};

function shapeDiagnosis(e: Evidence, x: CaseEvidence, expected: TensorWire, actual: TensorWire, where: string): { id: string; message: string } | null {
  const exp = expected.shape;
  const act = actual.shape;
  const of = `${where}: shape ${shapeString(act)} where ${shapeString(exp)} is expected`;
  if (exp.length === act.length && exp.every((d, i) => d === act[i])) {
    if (expected.dtype === actual.dtype) return null;
    const advice = expected.dtype === 'int32' ? 'labels and indices are int32: create them with dtype "int32" (or tf.cast(x, "int32"))' : `use ${expected.dtype} (tf.cast)`;
    return { id: 'dtype', message: `${where} has dtype ${actual.dtype} where ${expected.dtype} is expected: ${advice}` };
  }
  const scalarLoss = e.exercise.meta.scalarLosses.includes(entryOf(e, x.c)) && exp.length === 0;
  if (act.length === exp.length + 1) {
    for (let axis = 0; axis < act.length; axis++) {
      const rest = act.filter((_, i) => i !== axis);
      if (!rest.every((d, i) => d === exp[i])) continue;
      if (act[axis] === 1) return { id: 'keep-dims', message: `${of}: an extra axis ${axis} of size 1 — a reduction with keepDims: true, or a reshape too many` };
      if (expected.dtype === 'int32') return { id: 'one-hot', message: `${of}: these look like one-hot rows; return the class indices (int32, one per example) instead` };
      if (rest.includes(act[axis]) && act.length >= 2) {
        return { id: 'broadcast', message: `${of}: a [n, 1] and a [n] tensor broadcast to [n, n] — reduce with keepDims consistently, or squeeze/reshape one side before combining them` };
      }
      if (scalarLoss && axis === 0 && perExample(act[0], batchSize(x)))
        return { id: 'not-reduced', message: `${of}: you return one value per example; the loss is the mean over the batch (tf.mean at the end)` };
      if (scalarLoss) return { id: 'reduced-axis', message: `${of}: one value per feature, not per example — the reductions ran over the wrong axes (the per-example one is the last axis, -1)` };
      return { id: 'reduced-axis', message: `${of}: axis ${axis} should have been reduced (summed or averaged) away` };
    }
  }
  if (exp.length === act.length + 1) {
    const axis = exp.findIndex((_, k) => exp.filter((__, i) => i !== k).every((d, i) => d === act[i]));
    if (axis >= 0) return { id: 'reduced-axis', message: `${of}: axis ${axis} (size ${exp[axis]}) was reduced away but must stay${axis === 0 ? ' — one value per example, not a batch mean' : ''}` };
  }
  if (exp.length === act.length + 1) return { id: 'reduced-axis', message: `${of}: the reduction ran over the wrong axis — check the axis argument (the last axis is -1)` };
  if (exp.length === act.length && [...exp].sort().join() !== [...act].sort().join()) {
    return { id: 'shape', message: `${of}: the sizes differ — a size written as a number, or a reduction, concat or slice over the wrong axis?` };
  }
  if (exp.length === act.length) return { id: 'transposed', message: `${of}: the axes are in the wrong order (a transpose, or concat/stack along the wrong axis)` };
  return { id: 'shape', message: `${of}` };
}

// One value per example: the batch, or the batch of a loss over two views (2N rows for N pairs).
const perExample = (size: number, batch: number | undefined) => batch !== undefined && [1, 2, 3, 4].some((k) => size === k * batch);
const batchSize = (x: CaseEvidence) => x.c.args.find((a): a is TensorWire => a.t === 'tensor' && a.shape.length > 0)?.shape[0];

/** The first tensor in the expected value whose shape or dtype the actual one does not share. */
function firstTensorMismatch(expected: Wire, actual: Wire, where = 'the output'): [TensorWire, TensorWire, string] | null {
  if (expected.t === 'tensor' && actual.t === 'tensor') {
    const sameShape = expected.shape.length === actual.shape.length && expected.shape.every((d, i) => d === actual.shape[i]);
    return sameShape && expected.dtype === actual.dtype ? null : [expected, actual, where];
  }
  if (expected.t === 'array' && actual.t === 'array') {
    for (const [i, item] of expected.items.entries()) {
      const found = actual.items[i] && firstTensorMismatch(item, actual.items[i], `${where}[${i}]`);
      if (found) return found;
    }
  }
  if (expected.t === 'object' && actual.t === 'object') {
    const got = new Map(actual.entries);
    for (const [key, item] of expected.entries) {
      const value = got.get(key);
      const found = value && firstTensorMismatch(item, value, key);
      if (found) return found;
    }
  }
  return null;
}

/** A number where a tensor is expected, or the reverse: the comparison's own words say what to return. */
const wrongKind: Rule = (e) => {
  const kinds = failing(e).filter((x) => x.outcome.ok && x.c.expected.value.t !== x.outcome.value.t);
  const first = kinds[0];
  if (!first?.outcome.ok) return null;
  return engine('wrong-type', compareWire(first.c.expected.value, first.outcome.value, tolerance(first.c)) ?? 'the output is of the wrong kind', kinds);
};

/** An exception during a call: the student's own, or one raised inside tfjs, translated. */
const exception: Rule = (e) => {
  const thrown = failing(e).filter((x) => failureOf(x)?.kind === 'call');
  const first = thrown.map(failureOf).find((f) => f?.kind === 'call' && f.error.kind === 'exception');
  if (!first || first.kind !== 'call') return null;
  const same = thrown.filter((x) => {
    const f = failureOf(x);
    return f?.kind === 'call' && f.error.message === first.error.message;
  });
  const line = studentLine(first.error);
  if (raisedInsideTfjs(first.error)) {
    const known = translateTfjsError(first.error.message);
    const at = line ? ` (from your line ${line})` : '';
    if (known) return engine(known.id, `${known.text}${at}`, same);
    return engine('tfjs-error', `tfjs raised ${first.error.name}: ${first.error.message.slice(0, 200)}${at}`, same);
  }
  return engine('exception', `your code threw ${exceptionText(first.error)}`, same);
};

/** A time limit on a call, or output of the wrong kind (a number instead of a tensor). */
const otherFailure: Rule = (e) => {
  const first = failing(e).find((x) => !x.outcome.ok);
  const f = first && failureOf(first);
  if (!f) return null;
  if (f.kind === 'killed')
    return engine(
      f.reason === 'memory' ? 'memory' : 'timeout',
      failureMessage(f, e.exercise),
      failing(e).filter((x) => failureOf(x)?.kind === 'killed'),
    );
  if (f.kind === 'call' && f.error.kind === 'output') return engine('wrong-type', failureMessage(f, e.exercise), [first]);
  if (f.kind === 'call' && f.error.kind === 'missing') return engine('missing-function', failureMessage(f, e.exercise), [first]);
  return null;
};

/** In order: the first that finds evidence names the mistake. */
export const RULES: Rule[] = [fatal, inputsTouched, ownRandomness, declaredMistake, gradient, hardCodedSize, unstable, wrongKind, shapeOrDtype, exception, otherFailure];

/** Every id the engine itself can give (declared mistakes add their own), as analytics names a group of students. */
export const GENERIC_DIAGNOSES: Record<string, string> = {
  syntax: 'a syntax error',
  exception: 'their code threw an exception',
  timeout: 'ran out of time (an endless loop?)',
  memory: 'ran out of memory',
  'missing-function': 'renamed or removed the function',
  'disposed-input': 'disposed their inputs',
  'mutated-input': 'changed their inputs in place',
  'own-randomness': 'drew their own random numbers',
  'no-gradient': 'used an op without a gradient',
  'outside-graph': 'computed outside the graph (dataSync/arraySync)',
  'gradient-mismatch': 'right values, wrong gradient',
  'hard-coded-size': 'hard-coded a size of the visible tests',
  unstable: 'numerically unstable (NaN/Infinity at extreme inputs)',
  dtype: 'wrong dtype',
  'keep-dims': 'an extra axis of size 1 (keepDims)',
  broadcast: 'shapes broadcast by mistake',
  'one-hot': 'one-hot labels instead of indices',
  'not-reduced': 'did not average over the batch',
  'reduced-axis': 'reduced over the wrong axis',
  transposed: 'axes in the wrong order',
  shape: 'wrong output shape',
  'tfjs-error': 'an error inside tfjs',
  'wrong-type': 'returned the wrong kind of value',
};
