import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadExercise, type LoadedExercise } from '@/graders/content/load';
import { createGrader } from '@/graders/grader';
import type { GradeReport } from '@/graders/report';
import { assembleReport } from '@/graders/assemble';
import { GENERIC_DIAGNOSES } from '@/graders/diagnosis';
import { runStudent } from '@/graders/runner/student';
import { getSandboxEngine } from '@/graders/sandbox/engine';

// Every exercise keeps, in tests/fixtures/<slug>/, correct solutions written differently from the
// reference (correct-*.js: must score 100 %) and the usual wrong ones (wrong-*.js: must lose points).
// A wrong solution says in its own header which mistake it makes, and optionally more:
//   // diagnosis: <id>   the report's diagnosis: a declared mistake's id or one of GENERIC_DIAGNOSES,
//                       or none: nothing explains it, and naming some other mistake would mislead
//   // expect <case-id>: <text a visible case's message must contain>
//   // score: <the exact score, when the point is that only those cases fail>
// Run (in the browser) sees only the visible cases: where they fail, it must give the same diagnosis.

const EXERCISES = readdirSync('exercises', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'quizzes' && !d.name.startsWith('.'))
  .map((d) => d.name)
  .sort();

interface Fixture {
  name: string;
  code: string;
  expects: { caseId: string; text: string }[];
  diagnosis?: string;
  score?: number;
}

function fixtures(slug: string): Fixture[] {
  const dir = `tests/fixtures/${slug}`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^(correct|wrong)-.*\.js$/.test(f))
    .sort()
    .map((f) => {
      const code = readFileSync(`${dir}/${f}`, 'utf8');
      const expects = [...code.matchAll(/^\/\/ expect ([a-z0-9-]+): (.+)$/gm)].map((m) => ({ caseId: m[1], text: m[2].trim() }));
      const score = /^\/\/ score: ([\d.]+)$/m.exec(code)?.[1];
      const diagnosis = /^\/\/ diagnosis: ([a-z0-9-]+)\s*$/m.exec(code)?.[1];
      return { name: f.replace(/\.js$/, ''), code, expects, diagnosis, score: score === undefined ? undefined : Number(score) };
    });
}

const grader = createGrader({ concurrency: 2 });
afterAll(() => grader.close());

/** What the browser's Run assembles: the same harness and assembly code, over the visible cases only. */
async function runVisibleOnly(exercise: LoadedExercise, code: string): Promise<GradeReport> {
  const cases = (await grader.reference(exercise)).cases.filter((c) => c.spec.visible);
  const engine = await getSandboxEngine();
  const run = await runStudent({ open: (mb) => engine.open(mb), exercise, code, cases });
  return assembleReport(exercise, cases, run, 0, code);
}

const summary = (r: GradeReport) => r.tests.map((t) => `${t.passed ? 'PASS' : 'FAIL'} ${t.id}: ${t.message}`).join('\n');

describe.each(EXERCISES)('%s', (slug) => {
  let exercise: LoadedExercise;
  const all = fixtures(slug);
  const correct = all.filter((f) => f.name.startsWith('correct-'));
  const wrong = all.filter((f) => f.name.startsWith('wrong-'));

  beforeAll(async () => {
    exercise = await loadExercise(`exercises/${slug}`);
  });

  it('has visible and hidden cases, a visible gradient check, declared mistakes and a corpus of fixtures', async ({ expect }) => {
    const { cases } = await grader.reference(exercise);
    const visible = cases.filter((c) => c.spec.visible);
    const hidden = cases.filter((c) => !c.spec.visible);
    expect(visible.length).toBeGreaterThanOrEqual(2);
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    expect(visible.some((c) => c.spec.grad)).toBe(true);
    expect(exercise.meta.hints.length).toBeGreaterThanOrEqual(1);
    const declared = new Set(cases.flatMap((c) => c.mistakes.map((m) => m.id)));
    expect(declared.size, 'declared mistakes that differ from the reference on some case').toBeGreaterThanOrEqual(6);
    expect(correct.length, `tests/fixtures/${slug}/correct-*.js`).toBeGreaterThanOrEqual(2);
    expect(wrong.length, `tests/fixtures/${slug}/wrong-*.js`).toBeGreaterThanOrEqual(8);
    const known = (id: string) => id === 'none' || declared.has(id) || id in GENERIC_DIAGNOSES;
    expect(wrong.filter((f) => !f.diagnosis || !known(f.diagnosis)).map((f) => `${f.name}: ${f.diagnosis ?? 'no // diagnosis: header'}`)).toEqual([]);
    const ids = new Set(cases.map((c) => c.spec.id));
    expect(wrong.flatMap((f) => f.expects.filter((e) => !ids.has(e.caseId)).map((e) => `${f.name}: ${e.caseId}`))).toEqual([]);
  });

  it('the reference scores 100 % and the untouched stub no points', async ({ expect }) => {
    const [reference, stub] = await Promise.all([grader.grade({ exercise, code: exercise.reference }), grader.grade({ exercise, code: exercise.stub })]);
    expect(reference.score, summary(reference)).toBe(1);
    expect(stub.points, summary(stub)).toBe(0);
  });

  it.concurrent.for(correct)('$name scores 100 %', async (f, { expect }) => {
    const report = await grader.grade({ exercise, code: f.code });
    expect(report.tests.filter((t) => !t.passed).map((t) => `${t.id}: ${t.message}`)).toEqual([]);
    expect(report).toMatchObject({ status: 'graded', score: 1 });
  });

  it.concurrent.for(wrong)('$name loses points and is diagnosed as its mistake, in Submit and in Run', async (f, { expect }) => {
    const report = await grader.grade({ exercise, code: f.code });
    expect(report.status).toBe('graded');
    expect(report.score, summary(report)).toBeLessThan(1);
    const want = f.diagnosis === 'none' ? undefined : f.diagnosis;
    expect(report.diagnosis?.id, `${report.diagnosis?.message}\n${summary(report)}`).toBe(want);
    const run = await runVisibleOnly(exercise, f.code);
    if (run.tests.some((t) => !t.passed)) expect(run.diagnosis?.id, `Run: ${run.diagnosis?.message}\n${summary(run)}`).toBe(want);
    if (f.score !== undefined) expect(report.score, summary(report)).toBeCloseTo(f.score, 6);
    for (const { caseId, text } of f.expects) {
      const test = report.tests.find((t) => t.id === caseId);
      expect(test?.passed, `${caseId} should fail\n${summary(report)}`).toBe(false);
      expect(test?.message, `${caseId}\n${summary(report)}`).toContain(text);
    }
    for (const t of report.tests.filter((x) => !x.visible)) {
      // Hidden cases never reveal inputs, values or errors: pass/fail, and whether the diagnosis accounts for it.
      expect(t.expected).toBeUndefined();
      expect(t.actual).toBeUndefined();
      expect(t.message).toMatch(t.passed ? /^passed$/ : /^failed \(hidden test\)( — the mistake named above| — for a reason other than the one named above)?$/);
    }
  });
});
