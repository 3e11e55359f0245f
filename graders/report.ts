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
 * A report as its student sees it. The job's total duration becomes the visible tests' own: hidden tests'
 * durations are withheld (a submission could spin for a time that encodes their inputs), and the total would
 * give them back. While feedback is held until the due date, only the visible tests remain, scored on their own.
 */
export function studentReport(report: GradeReport, { holdHiddenTests }: { holdHiddenTests: boolean }): GradeReport {
  const visible = report.tests.filter((t) => t.visible);
  const durationMs = visible.reduce((sum, t) => sum + t.durationMs, 0);
  if (!holdHiddenTests) return { ...report, durationMs };
  const points = visible.reduce((sum, t) => sum + t.points, 0);
  const maxPoints = visible.reduce((sum, t) => sum + t.maxPoints, 0);
  return { ...report, tests: visible, points, maxPoints, score: maxPoints > 0 ? points / maxPoints : 0, durationMs };
}
