import type { LoadedExercise } from '../content/load';
import type { ReferenceData } from '../runner/reference';
import type { CaseOutcome } from '../runner/student';
import { diagnose } from './index';

/**
 * Content checks for declared mistakes: each must differ from the reference on some case (or it
 * can never be named), and a submission that makes exactly that mistake — its outputs wherever
 * it differs, the reference's elsewhere — must be diagnosed as it, not as another mistake that
 * gives the same outputs on those cases.
 */
export function checkDeclaredMistakes(exercise: LoadedExercise, ref: ReferenceData): string[] {
  const problems: string[] = [];
  for (const mistake of ref.mistakes) {
    const differs = ref.cases.map((c) => c.mistakes.find((m) => m.id === mistake.id));
    if (!differs.some(Boolean)) {
      problems.push(`tests.js: mistakes: "${mistake.id}" gives the reference's output on every case (or throws), so it can never be named: add a case where it differs`);
      continue;
    }
    const outcomes = ref.cases.map((c, i): CaseOutcome => ({ ok: true, value: differs[i]?.value ?? c.expected.value, grads: c.expected.grads, durationMs: 0 }));
    const found = diagnose(
      exercise,
      ref.cases,
      outcomes,
      differs.map((d) => !d),
      '',
    );
    if (found?.id !== mistake.id) {
      problems.push(
        `tests.js: mistakes: "${mistake.id}" is diagnosed as ${found ? `"${found.id}"` : 'nothing'}: on every case where it differs it gives the same outputs, so declare it earlier or add a case that tells them apart`,
      );
    }
  }
  return problems;
}
