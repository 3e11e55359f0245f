import { checkOutput, compareWire, type CaseCompare, type Tolerance } from './compare';
import type { LoadedExercise } from './content/load';
import { failureMessage } from './messages';
import { capReport, REPORT_VERSION, GradeReportSchema, truncateText, type GradeReport, type TestResult } from './report';
import { DEFAULT_TOLERANCE } from './runner/case-schema';
import type { ReferenceCase } from './runner/reference';
import type { CaseOutcome, StudentRun } from './runner/student';
import { preview } from './runner/tensors';
import { diagnose, type Diagnosis } from './diagnosis';
import { paramNames } from './diagnosis/evidence';

// A message quotes what the submission threw or named (exception text, function names): bounded.
export const MAX_MESSAGE_CHARS = 2000;

/**
 * Turns raw outcomes into the GradeReport: comparisons, the diagnosis of the likely mistake, and
 * what hidden tests may not say. Shared with the browser's Run, which passes only visible cases.
 */
export function assembleReport(exercise: LoadedExercise, cases: ReferenceCase[], run: StudentRun, durationMs: number, code: string): GradeReport {
  const problems = cases.map((c, i) => problemOf(exercise, c, run.outcomes[i]));
  const diagnosis = diagnose(
    exercise,
    cases,
    run.outcomes,
    problems.map((p) => p === null),
    code,
  );
  const tests = cases.map((c, i) => testResult(c, run.outcomes[i], problems[i], diagnosis));
  const maxPoints = tests.reduce((n, t) => n + t.maxPoints, 0);
  const points = tests.reduce((n, t) => n + t.points, 0);
  const infra = run.outcomes.find((o) => !o.ok && o.failure.kind === 'infrastructure');
  const report = GradeReportSchema.parse({
    version: REPORT_VERSION,
    status: infra ? 'error' : 'graded',
    score: maxPoints > 0 ? points / maxPoints : 0,
    points,
    maxPoints,
    tests,
    logs: run.logs,
    logsTruncated: run.logsTruncated,
    durationMs: Math.round(durationMs),
    exerciseVersion: exercise.versionHash,
    error: infra && !infra.ok ? truncateText(failureMessage(infra.failure, exercise), MAX_MESSAGE_CHARS) : undefined,
    diagnosis: diagnosis && !infra ? { ...diagnosis, message: truncateText(diagnosis.message, MAX_MESSAGE_CHARS) } : undefined,
  });
  return capReport(report);
}

/** A report for a job that never reached the student's code (broken content, grader fault). */
export function errorReport(exercise: LoadedExercise, error: string, durationMs: number): GradeReport {
  return GradeReportSchema.parse({
    version: REPORT_VERSION,
    status: 'error',
    score: 0,
    points: 0,
    maxPoints: 0,
    tests: [],
    logs: [],
    logsTruncated: false,
    durationMs: Math.round(durationMs),
    exerciseVersion: exercise.versionHash,
    error,
  });
}

function problemOf(exercise: LoadedExercise, c: ReferenceCase, outcome: CaseOutcome): string | null {
  return outcome.ok ? compareOutcome(exercise, c, outcome) : failureMessage(outcome.failure, exercise);
}

function testResult(c: ReferenceCase, outcome: CaseOutcome, problem: string | null, diagnosis: Diagnosis | null): TestResult {
  const { spec } = c;
  const passed = problem === null;
  // A hidden test's duration is withheld too: a submission could spin for a time that encodes its inputs.
  const durationMs = spec.visible ? outcome.durationMs : 0;
  const base = { id: spec.id, name: spec.name, visible: spec.visible, passed, points: passed ? spec.points : 0, maxPoints: spec.points, durationMs };
  if (!spec.visible) {
    // Hidden tests say pass/fail and whether the diagnosis accounts for them; never inputs, values or errors.
    return { ...base, message: passed ? 'passed' : hiddenFailure(spec.id, diagnosis) };
  }
  return {
    ...base,
    message: passed ? 'passed' : truncateText(problem, MAX_MESSAGE_CHARS),
    expected: preview(c.expected.value),
    actual: outcome.ok ? preview(outcome.value) : undefined,
  };
}

function hiddenFailure(id: string, diagnosis: Diagnosis | null): string {
  if (!diagnosis) return 'failed (hidden test)';
  return diagnosis.explains.includes(id) ? 'failed (hidden test) — the mistake named above' : 'failed (hidden test) — for a reason other than the one named above';
}

function compareOutcome(exercise: LoadedExercise, c: ReferenceCase, outcome: Extract<CaseOutcome, { ok: true }>): string | null {
  const tol: CaseCompare = { ...DEFAULT_TOLERANCE, ...c.spec.compare };
  const valueProblem = checkOutput(c.expected.value, outcome.value, tol);
  if (valueProblem) return valueProblem;
  const grad = c.spec.grad;
  if (!grad || !c.expected.grads) return null;
  if (outcome.gradError) return failureMessage({ kind: 'call', error: outcome.gradError, definedFunctions: [] }, exercise);
  const gradTol: Tolerance = { rtol: grad.rtol ?? tol.rtol, atol: grad.atol ?? tol.atol };
  const names = c.spec.run ? [] : paramNames(exercise.stub, c.spec.entry ?? exercise.meta.entry[0]);
  for (const [i, argIndex] of grad.wrt.entries()) {
    const actual = outcome.grads?.[i];
    const label = `gradient w.r.t. ${names[argIndex] ?? `argument ${argIndex + 1}`}`;
    if (!actual) return `${label}: missing`;
    const problem = compareWire(c.expected.grads[i], actual, gradTol, label);
    if (problem) return problem;
  }
  return null;
}
