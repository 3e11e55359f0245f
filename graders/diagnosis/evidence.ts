import { compareWire, type Tolerance } from '../compare';
import type { LoadedExercise } from '../content/load';
import { DEFAULT_TOLERANCE } from '../runner/case-schema';
import type { ReferenceCase } from '../runner/reference';
import type { CaseOutcome } from '../runner/student';
import type { Probe } from '../runner/wire';

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

export const tolerance = (c: ReferenceCase): Tolerance => ({ ...DEFAULT_TOLERANCE, ...c.spec.compare });

export function gatherEvidence(exercise: LoadedExercise, cases: ReferenceCase[], outcomes: CaseOutcome[], passed: boolean[], code: string): Evidence {
  const evidence = cases.map((c, i): CaseEvidence => {
    const outcome = outcomes[i];
    const valueOk = outcome.ok && compareWire(c.expected.value, outcome.value, tolerance(c)) === null;
    const mistakes = outcome.ok && !valueOk ? c.mistakes.filter((m) => compareWire(m.value, outcome.value, tolerance(c)) === null).map((m) => m.id) : [];
    return { c, outcome, valueOk, passed: passed[i], mistakes };
  });
  const visibleProbes = evidence.filter((e) => e.c.spec.visible && e.outcome.probe).map((e) => e.outcome.probe!);
  return { exercise, code, cases: evidence, visibleProbes, params: (entry) => paramNames(exercise.stub, entry) };
}

/** Parameter names from the stub's signature, so messages can say "anchor" rather than "argument 1". */
export function paramNames(stub: string, entry: string): string[] {
  const m = new RegExp(`(?:function\\s+${entry}\\s*|${entry}\\s*=\\s*(?:function\\s*)?)\\(([^)]*)\\)`).exec(stub);
  return m ? m[1].split(',').map((p) => p.replace(/=.*$/, '').trim()).filter(Boolean) : [];
}

export const entryOf = (e: Evidence, c: ReferenceCase) => c.spec.entry ?? e.exercise.meta.entry[0];
