import { describe, expect, it } from 'vitest';
import { studentReport, type GradeReport, type TestResult } from './report';

const test = (id: string, visible: boolean, passed: boolean, durationMs: number): TestResult => ({
  id, name: id, visible, passed, points: passed ? 1 : 0, maxPoints: 1, message: passed ? '' : 'wrong', durationMs,
});

const report: GradeReport = {
  version: 1, status: 'graded', score: 0.5, points: 2, maxPoints: 4, logs: [], logsTruncated: false, durationMs: 900, exerciseVersion: 'v1',
  tests: [test('v1', true, true, 10), test('v2', true, false, 20), test('h1', false, true, 0), test('h2', false, false, 0)],
};

describe('studentReport', () => {
  it('keeps every test and the score, but reports only the visible tests’ time', () => {
    const seen = studentReport(report, { holdHiddenTests: false });
    expect(seen).toMatchObject({ score: 0.5, points: 2, maxPoints: 4, durationMs: 30 });
    expect(seen.tests).toHaveLength(4);
  });

  it('while feedback is held, shows the visible tests scored on their own and nothing of the hidden ones', () => {
    const seen = studentReport(report, { holdHiddenTests: true });
    expect(seen.tests.map((t) => t.id)).toEqual(['v1', 'v2']);
    expect(seen).toMatchObject({ score: 0.5, points: 1, maxPoints: 2, durationMs: 30 });
  });
});
