import { checkOutput, compareWire, type CaseCompare, type Tolerance } from '../compare';
import type { LoadedExercise } from '../content/load';
import { DEFAULT_TOLERANCE } from '../runner/case-schema';
import type { ReferenceCase } from '../runner/reference';
import type { CaseOutcome } from '../runner/student';
import type { Probe, Wire } from '../runner/wire';

/** One case as the diagnosis sees it: what was expected, what came back, and whether it passed. */
export interface CaseEvidence {
  c: ReferenceCase;
  outcome: CaseOutcome;
  /** The value matched the expected one (gradients aside). */
  valueOk: boolean;
  /** The whole test passed (value and gradients). */
  passed: boolean;
  /** Declared mistakes whose output on this case equals the student's. */
  mistakes: string[];
}

export interface Evidence {
  exercise: LoadedExercise;
  code: string;
  cases: CaseEvidence[];
  /**
   * Probes of the visible cases only. What a hidden case's probe holds (which ops ran, how often)
   * depends on the submission's path through hidden inputs, so it may not shape any message;
   * hidden cases contribute only whether they passed and which declared mistake they match.
   */
  visibleProbes: Probe[];
  /** Parameter names of an entry function, from the stub ("anchor", "positive", …). */
  params: (entry: string) => string[];
}

export const tolerance = (c: ReferenceCase): CaseCompare => ({ ...DEFAULT_TOLERANCE, ...c.spec.compare });

export function gatherEvidence(exercise: LoadedExercise, cases: ReferenceCase[], outcomes: CaseOutcome[], passed: boolean[], code: string): Evidence {
  const evidence = cases.map((c, i): CaseEvidence => {
    const outcome = outcomes[i];
    const valueOk = outcome.ok && checkOutput(c.expected.value, outcome.value, tolerance(c)) === null;
    const mistakes = outcome.ok && !valueOk ? c.mistakes.filter((m) => sameOutput(m.value, outcome.value, tolerance(c))).map((m) => m.id) : [];
    return { c, outcome, valueOk, passed: passed[i], mistakes };
  });
  const visibleProbes = evidence.filter((e) => e.c.spec.visible && e.outcome.probe).map((e) => e.outcome.probe!);
  return { exercise, code, cases: evidence, visibleProbes, params: (entry) => paramNames(exercise.stub, entry) };
}

/**
 * The comparison's agreement, except that NaN matches NaN and an infinity the same infinity: a
 * declared mistake that blows up (a division by 1 − ᾱ at t = 0) is recognised by blowing up the same way.
 */
function sameOutput(mistake: Wire, actual: Wire, tol: Tolerance): boolean {
  if (compareWire(mistake, actual, tol) === null) return true;
  if (mistake.t === 'tensor' && actual.t === 'tensor') {
    if (mistake.dtype !== actual.dtype || mistake.shape.join() !== actual.shape.join()) return false;
    return mistake.values.every((m, i) => sameNumber(m, actual.values[i], tol));
  }
  if (mistake.t === 'number' && actual.t === 'number') return sameNumber(mistake.value, actual.value, tol);
  if (mistake.t === 'array' && actual.t === 'array') return mistake.items.length === actual.items.length && mistake.items.every((m, i) => sameOutput(m, actual.items[i], tol));
  if (mistake.t === 'object' && actual.t === 'object') {
    const got = new Map(actual.entries);
    return mistake.entries.every(([k, m]) => got.has(k) && sameOutput(m, got.get(k)!, tol));
  }
  return false;
}

function sameNumber(m: number, a: number, tol: Tolerance): boolean {
  if (!Number.isFinite(m) || !Number.isFinite(a)) return Object.is(m, a) || (Number.isNaN(m) && Number.isNaN(a));
  return Math.abs(a - m) <= tol.atol + tol.rtol * Math.abs(m);
}

/** Parameter names from the stub's signature, so messages can say "anchor" rather than "argument 1". */
export function paramNames(stub: string, entry: string): string[] {
  const m = new RegExp(`(?:function\\s+${entry}\\s*|${entry}\\s*=\\s*(?:function\\s*)?)\\(([^)]*)\\)`).exec(stub);
  return m
    ? m[1]
        .split(',')
        .map((p) => p.replace(/=.*$/, '').trim())
        .filter(Boolean)
    : [];
}

export const entryOf = (e: Evidence, c: ReferenceCase) => c.spec.entry ?? e.exercise.meta.entry[0];
