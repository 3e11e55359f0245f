import { z } from 'zod';

/** Bumped whenever a stored report could no longer be read by the current UI. */
export const REPORT_VERSION = 1;

export const TestResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  visible: z.boolean(),
  passed: z.boolean(),
  points: z.number().min(0),
  maxPoints: z.number().min(0),
  message: z.string(),
  durationMs: z.number().min(0),
  // Human-readable, truncated previews; present only on visible tests.
  expected: z.string().optional(),
  actual: z.string().optional(),
});

export const GradeReportSchema = z
  .object({
    version: z.literal(REPORT_VERSION),
    status: z.enum(['graded', 'error']),
    score: z.number().min(0).max(1),
    points: z.number().min(0),
    maxPoints: z.number().min(0),
    tests: z.array(TestResultSchema),
    logs: z.array(z.string()).max(200),
    logsTruncated: z.boolean(),
    durationMs: z.number().min(0),
    exerciseVersion: z.string(),
    error: z.string().optional(),
  })
  .refine((r) => r.status === 'graded' || r.error !== undefined, {
    message: "a report with status 'error' must say why",
    path: ['error'],
  })
  .refine((r) => r.tests.every((t) => t.visible || (t.expected === undefined && t.actual === undefined)), {
    message: 'hidden tests must not carry expected/actual values',
    path: ['tests'],
  });

export type TestResult = z.infer<typeof TestResultSchema>;
export type GradeReport = z.infer<typeof GradeReportSchema>;

/**
 * The report a student sees while hidden-test feedback is held until the due date: the visible tests only,
 * scored on their own, so neither a hidden test's outcome nor the total can be read from it.
 */
export function visibleTestsOnly(report: GradeReport): GradeReport {
  const tests = report.tests.filter((t) => t.visible);
  const points = tests.reduce((sum, t) => sum + t.points, 0);
  const maxPoints = tests.reduce((sum, t) => sum + t.maxPoints, 0);
  return { ...report, tests, points, maxPoints, score: maxPoints > 0 ? points / maxPoints : 0 };
}
