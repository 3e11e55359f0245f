import { describe, expect, it } from 'vitest';
import { capReport, MAX_REPORT_BYTES, studentReport, type GradeReport, type TestResult } from './report';

const test = (id: string, visible: boolean, passed: boolean, durationMs: number): TestResult => ({
  id,
  name: id,
  visible,
  passed,
  points: passed ? 1 : 0,
  maxPoints: 1,
  message: passed ? '' : 'wrong',
  durationMs,
});

const report: GradeReport = {
  version: 1,
  status: 'graded',
  score: 0.5,
  points: 2,
  maxPoints: 4,
  logs: [],
  logsTruncated: false,
  durationMs: 900,
  exerciseVersion: 'v1',
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

describe('capReport', () => {
  const bytes = (r: GradeReport) => Buffer.byteLength(JSON.stringify(r));

  it('leaves a report under the cap as it is', () => {
    expect(capReport(report)).toBe(report);
  });

  it('drops console lines from the end first, says so, and keeps every score', () => {
    const noisy = { ...report, logs: Array.from({ length: 200 }, (_, i) => `${i} ${'x'.repeat(4000)}`) };
    const capped = capReport(noisy);
    expect(bytes(capped)).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    expect(capped.logs[0]).toMatch(/^0 x/);
    expect(capped.logs.at(-1)).toMatch(/^\(report cut to 256 KB: \d+ console lines shortened or removed\)$/);
    expect(capped).toMatchObject({ score: 0.5, points: 2, maxPoints: 4, logsTruncated: true });
    expect(capped.tests).toEqual(report.tests);
  });

  it('then shortens test messages and previews', () => {
    const long = { ...report, tests: Array.from({ length: 150 }, (_, i) => ({ ...test(`t${i}`, true, false, 1), message: 'm'.repeat(1900), expected: 'e'.repeat(500), actual: 'a'.repeat(500) })) };
    const capped = capReport(long);
    expect(bytes(capped)).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    expect(capped.tests).toHaveLength(150);
    expect(capped.tests[0].message).toHaveLength(200);
    expect(capped.logs.at(-1)).toContain('long test messages and previews');
  });
});
