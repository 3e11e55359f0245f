import type { LoadedExercise } from '../content/load';
import type { Grader } from '../grader';
import { toVisibleCase, type VisibleCase } from './shape';

/** Visible cases only: hidden inputs, expected values and mistake outputs never leave the server. */
export async function buildVisibleCases(exercise: LoadedExercise, grader: Grader): Promise<VisibleCase[]> {
  const ref = await grader.reference(exercise);
  return ref.cases.filter((c) => c.spec.visible).map((c) => toVisibleCase(c, exercise.meta.entry[0]));
}
