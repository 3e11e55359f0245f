import type { LoadedExercise } from '../content/load';
import type { ReferenceCase } from '../runner/reference';
import type { CaseOutcome } from '../runner/student';
import { gatherEvidence } from './evidence';
import { RULES, type Diagnosis } from './rules';

export { GENERIC_DIAGNOSES, type Diagnosis } from './rules';

/**
 * The most likely mistake behind the failing tests, or null when every test passed or no rule
 * finds evidence. Declared mistakes (tests.js `mistakes`) are matched on every case, hidden ones
 * included; the engine's own rules (graders/diagnosis/rules.ts) cover what no author declared.
 */
export function diagnose(exercise: LoadedExercise, cases: ReferenceCase[], outcomes: CaseOutcome[], passed: boolean[], code: string): Diagnosis | null {
  if (passed.every(Boolean)) return null;
  const evidence = gatherEvidence(exercise, cases, outcomes, passed, code);
  for (const rule of RULES) {
    const found = rule(evidence);
    if (found) return found;
  }
  return null;
}
