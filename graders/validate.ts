import { checkStatement } from './content/statement';
import { CONSTANT_FILLS, constantPasses } from './constant-outputs';
import { ContentError, loadAllExercises, type LoadedExercise } from './content/load';
import { checkDeclaredMistakes } from './diagnosis/check-mistakes';
import type { Grader } from './grader';
import type { GradeReport } from './report';
import { visualizeProblems } from './visualize/validate';

export interface ExerciseCheck {
  slug: string;
  problems: string[];
  referenceScore?: number;
  stubScore?: number;
  /** The two reports behind the scores, for an author who needs to see which case failed. */
  reports?: { reference: GradeReport; stub: GradeReport };
}

/**
 * CI gate for content: schema, statement, reference scores 100 %, no points for the stub or for a
 * solution that returns a constant (0 or 1, shaped like each expected output), and every declared
 * mistake can be told apart and named.
 */
export async function validateExercise(exercise: LoadedExercise, grader: Grader): Promise<ExerciseCheck> {
  const problems = checkStatement(exercise.statement).map((p) => `statement.md: ${p}`);
  let constantGains: string[] = [];
  try {
    const ref = await grader.reference(exercise);
    constantGains = CONSTANT_FILLS.flatMap((fill) => {
      const passed = ref.cases.filter((c) => c.spec.points > 0 && constantPasses(c, fill));
      return passed.length ? [`a solution returning constant ${fill}s ${pointsText(passed.map((c) => ({ id: c.spec.id, points: c.spec.points })))}`] : [];
    });
    const total = ref.cases.reduce((n, c) => n + c.spec.points, 0);
    if (Math.abs(total - exercise.meta.points) > 1e-9) {
      problems.push(`tests.js: cases: points add up to ${total}, but exercise.json points is ${exercise.meta.points}`);
    }
    if (!ref.cases.some((c) => c.spec.visible)) problems.push('tests.js: cases: no visible case for the in-browser Run');
    problems.push(...checkDeclaredMistakes(exercise, ref));
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    return { slug: exercise.slug, problems: [...problems, err.message] };
  }
  const reference = await grader.grade({ exercise, code: exercise.reference });
  const stub = await grader.grade({ exercise, code: exercise.stub });
  if (reference.status !== 'graded' || reference.score !== 1) {
    const failing = reference.tests.filter((t) => !t.passed).map((t) => `${t.id} (${t.message})`);
    problems.push(`reference.js scores ${Math.round(reference.score * 100)} %${reference.error ? `: ${reference.error}` : ''}${failing.length ? `; failing: ${failing.join('; ')}` : ''}`);
  }
  if (stub.score >= 1) problems.push('stub.js scores 100 %: it must leave the work to the student');
  else if (stub.points > 0) problems.push(`stub.js ${pointsText(stub.tests.filter((t) => t.points > 0))}`);
  if (stub.status !== 'graded') problems.push(`stub.js could not be graded: ${stub.error}`);
  problems.push(...constantGains);
  problems.push(...(await visualizeProblems(exercise)));
  return { slug: exercise.slug, problems, referenceScore: reference.score, stubScore: stub.score, reports: { reference, stub } };
}

const CONSTANT_HELP = 'a case that an untouched or constant answer passes must have points: 0 (see graders/README.md)';

function pointsText(cases: { id: string; points: number }[]): string {
  const total = cases.reduce((n, c) => n + c.points, 0);
  return `earns ${Number(total.toFixed(6))} point(s) on ${cases.map((c) => `${c.id} (${c.points})`).join(', ')}: ${CONSTANT_HELP}`;
}

export async function validateAllExercises(root: string, grader: Grader): Promise<{ checks: ExerciseCheck[]; loadErrors: ContentError[] }> {
  const { exercises, errors } = await loadAllExercises(root);
  const checks: ExerciseCheck[] = [];
  for (const exercise of exercises) checks.push(await validateExercise(exercise, grader));
  return { checks, loadErrors: errors };
}
