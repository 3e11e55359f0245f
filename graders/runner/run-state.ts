// Shared by the server's student runner (student.ts) and the browser's Run (run-visible.ts), so
// both read the harness's answers and cap console output the same way. Browser-safe: no node:*.
import { z } from 'zod';
import { ErrorInfoSchema, LogsSchema, type ErrorInfo } from './wire';

/** What __tensorgrade.loadSubmission answers. */
export const LoadResultSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), logs: LogsSchema }), z.object({ ok: z.literal(false), error: ErrorInfoSchema, logs: LogsSchema })]);

const MAX_REPORT_LOG_LINES = 200;

/** Appends console lines to a run, at most 200 in all, noting when some were dropped. */
export function appendLogs(run: { logs: string[]; logsTruncated: boolean }, logs: { lines: string[]; truncated: boolean }) {
  const room = MAX_REPORT_LOG_LINES - run.logs.length;
  run.logs.push(...logs.lines.slice(0, Math.max(0, room)));
  run.logsTruncated ||= logs.truncated || logs.lines.length > room;
}

/** The error for an answer from the isolate that does not parse. */
export function malformedOutput(): ErrorInfo {
  return { kind: 'output', name: 'Error', message: 'the output could not be read back from the sandbox', stack: '' };
}
