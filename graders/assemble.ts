import { compareWire, type Tolerance } from './compare';
import type { LoadedExercise } from './content/load';
import { failureMessage } from './messages';
import { capReport, REPORT_VERSION, GradeReportSchema, truncateText, type GradeReport, type TestResult } from './report';
import { DEFAULT_TOLERANCE } from './runner/case-schema';
import type { ReferenceCase } from './runner/reference';
import type { CaseOutcome, StudentRun } from './runner/student';
import { preview } from './runner/tensors';

// A message quotes what the submission threw or named (exception text, function names): bounded.
export const MAX_MESSAGE_CHARS = 2000;

/** Turns raw outcomes into the GradeReport: comparisons, messages, and what hidden tests may not say. */
export function assembleReport(exercise: LoadedExercise, cases: ReferenceCase[], run: StudentRun, durationMs: number): GradeReport {
  const tests = cases.map((c, i) => testResult(exercise, c, run.outcomes[i]));
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

function testResult(exercise: LoadedExercise, c: ReferenceCase, outcome: CaseOutcome): TestResult {
  const { spec } = c;
  const problem = outcome.ok ? compareOutcome(exercise, c, outcome) : failureMessage(outcome.failure, exercise);
  const passed = problem === null;
  // A hidden test's duration is withheld too: a submission could spin for a time that encodes its inputs.
  const durationMs = spec.visible ? outcome.durationMs : 0;
  const base = { id: spec.id, name: spec.name, visible: spec.visible, passed, points: passed ? spec.points : 0, maxPoints: spec.points, durationMs };
  if (!spec.visible) {
    // Hidden tests say pass/fail and the author's generic hint, never inputs, values or errors.
    return { ...base, message: passed ? 'passed' : `failed (hidden test)${spec.hint ? `. Hint: ${spec.hint}` : ''}` };
  }
  return {
    ...base,
    message: passed ? 'passed' : truncateText(problem, MAX_MESSAGE_CHARS),
    expected: preview(c.expected.value),
    actual: outcome.ok ? preview(outcome.value) : undefined,
  };
}

function compareOutcome(exercise: LoadedExercise, c: ReferenceCase, outcome: Extract<CaseOutcome, { ok: true }>): string | null {
  const tol: Tolerance = { ...DEFAULT_TOLERANCE, ...c.spec.compare };
  const valueProblem = compareWire(c.expected.value, outcome.value, tol);
  if (valueProblem) {
    const mistake = c.mistakes.find((m) => compareWire(m.value, outcome.value, tol) === null);
    return mistake ? `${valueProblem} — ${mistake.message}` : valueProblem;
  }
  const grad = c.spec.grad;
  if (!grad || !c.expected.grads) return null;
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

/** Parameter names from the stub's signature, so gradient messages can say "w.r.t. anchor". */
function paramNames(stub: string, entry: string): string[] {
  const m = new RegExp(`(?:function\\s+${entry}\\s*|${entry}\\s*=\\s*(?:function\\s*)?)\\(([^)]*)\\)`).exec(stub);
  return m ? m[1].split(',').map((p) => p.replace(/=.*$/, '').trim()) : [];
}
