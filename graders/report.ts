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

/** The most likely mistake behind the failing tests (graders/diagnosis), said once above the table. */
export const DiagnosisSchema = z.object({
  id: z.string().max(100),
  message: z.string().max(2000),
  source: z.enum(['mistake', 'engine']),
  /** The failing tests it accounts for. */
  explains: z.array(z.string()),
});
export type ReportDiagnosis = z.infer<typeof DiagnosisSchema>;

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
    // Absent when every test passed, no rule found evidence, or the report predates diagnoses.
    diagnosis: DiagnosisSchema.optional(),
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

/** Largest report stored or sent: a student page, the staff pages and the database all carry it. */
export const MAX_REPORT_BYTES = 256 * 1024;
// What a cut test message or preview keeps, once the whole report is over MAX_REPORT_BYTES.
const CUT_TEXT_CHARS = 200;

const reportBytes = (report: GradeReport) => Buffer.byteLength(JSON.stringify(report));

/** Shortens text to at most `max` characters, saying that it did. */
export function truncateText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A report of at most MAX_REPORT_BYTES. Console output goes first (from its end), then test
 * messages and previews are shortened; the last log line says what was cut. Scores never change.
 */
export function capReport(report: GradeReport): GradeReport {
  if (reportBytes(report) <= MAX_REPORT_BYTES) return report;
  const logs = [...report.logs];
  let droppedLines = 0;
  const withNote = (tests: TestResult[], cutTests: boolean): GradeReport => {
    const cut = [droppedLines ? `${droppedLines} console line${droppedLines === 1 ? '' : 's'}` : '', cutTests ? 'long test messages and previews' : ''].filter(Boolean).join(' and ');
    return { ...report, tests, logs: [...logs, `(report cut to ${MAX_REPORT_BYTES / 1024} KB: ${cut} shortened or removed)`], logsTruncated: true };
  };
  // One line of room for the note (the schema allows 200 lines).
  if (logs.length >= 200) droppedLines += logs.splice(199).length;
  let capped = withNote(report.tests, false);
  while (logs.length > 0 && reportBytes(capped) > MAX_REPORT_BYTES) {
    logs.pop();
    droppedLines += 1;
    capped = withNote(report.tests, false);
  }
  if (reportBytes(capped) <= MAX_REPORT_BYTES) return capped;
  const tests = report.tests.map((t) => ({
    ...t,
    message: truncateText(t.message, CUT_TEXT_CHARS),
    ...(t.expected === undefined ? {} : { expected: truncateText(t.expected, CUT_TEXT_CHARS) }),
    ...(t.actual === undefined ? {} : { actual: truncateText(t.actual, CUT_TEXT_CHARS) }),
  }));
  return withNote(tests, true);
}
