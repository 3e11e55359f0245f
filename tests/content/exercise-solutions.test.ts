import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadExercise, type LoadedExercise } from '@/graders/content/load';
import { createGrader } from '@/graders/grader';
import type { GradeReport } from '@/graders/report';

// Every exercise keeps, in tests/fixtures/<slug>/, correct solutions written differently from the
// reference (correct-*.js: must score 100 %) and the usual wrong ones (wrong-*.js: must lose points).
// A wrong solution says in its own header which tests it fails and what they must say:
//   // expect <case-id>: <text the message must contain>
//   // score: <the exact score, when the point is that only those cases fail>
// Visible cases carry the engine's specific message (shapes, max abs error, the matched mistake);
// hidden cases only their author-written hint, so the hint is what has to name the mistake.

const EXERCISES = readdirSync('exercises', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'quizzes' && !d.name.startsWith('.'))
  .map((d) => d.name)
  .sort();
// triplet-loss predates this file; graders/grade.test.ts asserts its fixtures' messages one by one.
const MESSAGES_ASSERTED_ELSEWHERE = new Set(['triplet-loss']);

interface Fixture {
  name: string;
  code: string;
  expects: { caseId: string; text: string }[];
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
      return { name: f.replace(/\.js$/, ''), code, expects, score: score === undefined ? undefined : Number(score) };
    });
}

const grader = createGrader({ concurrency: 2 });
afterAll(() => grader.close());

const summary = (r: GradeReport) => r.tests.map((t) => `${t.passed ? 'PASS' : 'FAIL'} ${t.id}: ${t.message}`).join('\n');

describe.each(EXERCISES)('%s', (slug) => {
  let exercise: LoadedExercise;
  const all = fixtures(slug);
  const correct = all.filter((f) => f.name.startsWith('correct-'));
  const wrong = all.filter((f) => f.name.startsWith('wrong-'));

  beforeAll(async () => {
    exercise = await loadExercise(`exercises/${slug}`);
  });

  it('has visible and hidden cases with hints, a gradient check, and fixtures of both kinds', async ({ expect }) => {
    const { cases } = await grader.reference(exercise);
    const visible = cases.filter((c) => c.spec.visible);
    const hidden = cases.filter((c) => !c.spec.visible);
    expect(visible.length).toBeGreaterThanOrEqual(2);
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    expect(hidden.filter((c) => !c.spec.hint).map((c) => c.spec.id)).toEqual([]);
    expect(cases.some((c) => c.spec.grad)).toBe(true);
    expect(exercise.meta.hints.length).toBeGreaterThanOrEqual(1);
    expect(correct.length, `tests/fixtures/${slug}/correct-*.js`).toBeGreaterThanOrEqual(1);
    expect(wrong.length, `tests/fixtures/${slug}/wrong-*.js`).toBeGreaterThanOrEqual(3);
    if (!MESSAGES_ASSERTED_ELSEWHERE.has(slug)) {
      expect(wrong.filter((f) => f.expects.length === 0).map((f) => f.name)).toEqual([]);
      const ids = new Set(cases.map((c) => c.spec.id));
      expect(wrong.flatMap((f) => f.expects.filter((e) => !ids.has(e.caseId)).map((e) => `${f.name}: ${e.caseId}`))).toEqual([]);
    }
  });

  it('the reference scores 100 % and the untouched stub no points', async ({ expect }) => {
    const [reference, stub] = await Promise.all([
      grader.grade({ exercise, code: exercise.reference }),
      grader.grade({ exercise, code: exercise.stub }),
    ]);
    expect(reference.score, summary(reference)).toBe(1);
    expect(stub.points, summary(stub)).toBe(0);
  });

  it.concurrent.for(correct)('$name scores 100 %', async (f, { expect }) => {
    const report = await grader.grade({ exercise, code: f.code });
    expect(report.tests.filter((t) => !t.passed).map((t) => `${t.id}: ${t.message}`)).toEqual([]);
    expect(report).toMatchObject({ status: 'graded', score: 1 });
  });

  it.concurrent.for(wrong)('$name loses points with a message that names the mistake', async (f, { expect }) => {
    const report = await grader.grade({ exercise, code: f.code });
    expect(report.status).toBe('graded');
    expect(report.score, summary(report)).toBeLessThan(1);
    if (f.score !== undefined) expect(report.score, summary(report)).toBeCloseTo(f.score, 6);
    for (const { caseId, text } of f.expects) {
      const test = report.tests.find((t) => t.id === caseId);
      expect(test?.passed, `${caseId} should fail\n${summary(report)}`).toBe(false);
      expect(test?.message, `${caseId}\n${summary(report)}`).toContain(text);
    }
    for (const t of report.tests.filter((x) => !x.visible)) {
      // Hidden cases never reveal inputs, values or errors: pass/fail and the hint only.
      expect(t.expected).toBeUndefined();
      expect(t.actual).toBeUndefined();
      expect(t.message).toMatch(t.passed ? /^passed$/ : /^failed \(hidden test\)\. Hint: /);
    }
  });
});
