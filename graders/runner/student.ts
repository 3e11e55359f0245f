import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { LoadedExercise } from '../content/load';
import type { Sandbox } from '../sandbox/engine';
import { callHarness, IsolateKilled, type KillReason } from './calls';
import { caseCall, type ReferenceCase } from './reference';
import { caseTimeLimitMs } from './time-limits';
import { appendLogs, LoadResultSchema, malformedOutput } from './run-state';
import { CaseRunSchema, type ErrorInfo, type Probe, type Wire } from './wire';

export const STUDENT_FILE = 'solution.js';
// After this many isolates killed by a limit, the remaining cases are not retried.
const MAX_KILLS_PER_JOB = 2;

export type Failure =
  | { kind: 'syntax'; message: string; line?: number; column?: number }
  | { kind: 'top-level'; error: ErrorInfo }
  | { kind: 'call'; error: ErrorInfo; definedFunctions: string[] }
  | { kind: 'killed'; reason: KillReason; atTopLevel: boolean; limitMs?: number }
  | { kind: 'budget' }
  | { kind: 'infrastructure'; message: string };

export type CaseOutcome = { durationMs: number; probe?: Probe | null } & ({ ok: true; value: Wire; grads: Wire[] | null; gradError?: ErrorInfo | null } | { ok: false; failure: Failure });

export interface StudentRun {
  outcomes: CaseOutcome[];
  logs: string[];
  logsTruncated: boolean;
}

interface Job {
  /** A fresh isolate with the given memory limit, never used before. */
  open: (memoryMb: number) => Promise<Sandbox>;
  exercise: LoadedExercise;
  code: string;
  cases: ReferenceCase[];
  signal?: AbortSignal;
  /** How much slower than idle the machine runs now (≥ 1), asked before each case; default machineLoadFactor. */
  loadFactor?: () => number;
}

/**
 * How oversubscribed the cores are, at least 1: the larger of the threads runnable right now and
 * the 1-minute load average, per core. The instantaneous count matters: a burst of submissions
 * fills every isolate thread long before the 1-minute average notices (npm run bench:load killed
 * correct solutions that way). Where /proc is missing only the average counts (0 on Windows).
 */
export function machineLoadFactor(): number {
  let runnable = 0;
  try {
    runnable = Number(/^\S+ \S+ \S+ (\d+)\//.exec(readFileSync('/proc/loadavg', 'utf8'))?.[1] ?? 0);
  } catch {
    // not Linux
  }
  return Math.max(1, Math.max(runnable, loadavg()[0]) / availableParallelism());
}

/**
 * Runs the submission on every case, each call under the per-test limit and all of it under the
 * job budget. A fresh isolate per job; when a limit kills it mid-job, the remaining cases get
 * another fresh isolate, so one endless test does not cost the others.
 */
export async function runStudent(job: Job): Promise<StudentRun> {
  // Visible cases first: once a hidden case has run, nothing the submission prints or returns may
  // reach the student, or hidden inputs could be carried out through a later visible test.
  const order = [...job.cases.keys()].sort((a, b) => Number(job.cases[b].spec.visible) - Number(job.cases[a].spec.visible));
  const run = await runInOrder({ ...job, cases: order.map((i) => job.cases[i]) });
  const outcomes: CaseOutcome[] = new Array(job.cases.length);
  order.forEach((caseIndex, position) => (outcomes[caseIndex] = run.outcomes[position]));
  return { ...run, outcomes };
}

async function runInOrder(job: Job): Promise<StudentRun> {
  const { timeMsPerJob, timeMsPerTest, memoryMb } = job.exercise.meta.limits;
  const deadline = performance.now() + timeMsPerJob;
  const run: StudentRun = { outcomes: [], logs: [], logsTruncated: false };
  const remaining = () => deadline - performance.now();
  const fill = (failure: Failure) => {
    while (run.outcomes.length < job.cases.length) run.outcomes.push({ ok: false, failure, durationMs: 0 });
  };

  let kills = 0;
  // A submission killed before it ever finished a case is most likely an endless loop: its second
  // chance runs under a quarter of the limit, which an honest solution (milliseconds per case)
  // never notices, instead of spending another full limit of a grading core on the loop.
  const secondChance = () => kills > 0 && !run.outcomes.some((o) => o.ok);
  const loadLimit = () => Math.min(secondChance() ? timeMsPerTest / 4 : timeMsPerTest, remaining());
  const caseLimit = (c: ReferenceCase) => {
    const limit = caseTimeLimitMs(c, timeMsPerTest, (job.loadFactor ?? machineLoadFactor)());
    return Math.min(secondChance() ? Math.min(limit, timeMsPerTest / 4) : limit, remaining());
  };
  while (run.outcomes.length < job.cases.length) {
    if (job.signal?.aborted) return (fill({ kind: 'killed', reason: 'aborted', atTopLevel: false }), run);
    if (remaining() <= 0) return (fill({ kind: 'budget' }), run);
    const last = run.outcomes.at(-1);
    if (kills >= MAX_KILLS_PER_JOB && last && !last.ok) return (fill(last.failure), run);
    let sandbox: Sandbox;
    try {
      sandbox = await job.open(memoryMb);
    } catch (err) {
      return (fill({ kind: 'infrastructure', message: (err as Error).message }), run);
    }
    try {
      const failure = await loadSubmission(sandbox, job, loadLimit(), run);
      if (failure) return (fill(failure), run);
      while (run.outcomes.length < job.cases.length) {
        if (remaining() <= 0) return (fill({ kind: 'budget' }), run);
        const c = job.cases[run.outcomes.length];
        const outcome = await runCase(sandbox, job, c, caseLimit(c), run);
        run.outcomes.push(outcome);
        if (!outcome.ok && outcome.failure.kind === 'killed') {
          kills += 1;
          break;
        }
      }
    } finally {
      // Idle by now (every call settled or was killed): dispose after the report is on its way.
      setImmediate(sandbox.dispose);
    }
  }
  return run;
}

async function loadSubmission(sandbox: Sandbox, job: Job, timeoutMs: number, run: StudentRun): Promise<Failure | null> {
  try {
    // Compiled only for its syntax errors, which isolated-vm reports with line and column.
    await sandbox.isolate.compileScript(job.code, { filename: STUDENT_FILE });
  } catch (err) {
    return syntaxFailure(err as Error);
  }
  try {
    const parsed = LoadResultSchema.safeParse(await callHarness(sandbox, 'loadSubmission', [job.code, job.exercise.meta.entry], timeoutMs, job.signal));
    if (!parsed.success) return { kind: 'top-level', error: malformedOutput() };
    appendLogs(run, parsed.data.logs);
    return parsed.data.ok ? null : { kind: 'top-level', error: parsed.data.error };
  } catch (err) {
    if (err instanceof IsolateKilled) return { kind: 'killed', reason: err.reason, atTopLevel: true, limitMs: timeoutMs };
    return { kind: 'top-level', error: errorInfo(err) };
  }
}

async function runCase(sandbox: Sandbox, job: Job, c: ReferenceCase, timeoutMs: number, run: StudentRun): Promise<CaseOutcome> {
  const started = performance.now();
  const durationMs = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const raw = await callHarness(sandbox, 'runCase', [caseCall(c.spec, job.exercise, c.args)], timeoutMs, job.signal);
    const parsed = CaseRunSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, failure: { kind: 'call', error: malformedOutput(), definedFunctions: [] }, durationMs: durationMs() };
    if (c.spec.visible) appendLogs(run, parsed.data.logs);
    else if (parsed.data.logs.lines.length && !run.logs.includes(HIDDEN_LOGS_NOTE)) appendLogs(run, { lines: [HIDDEN_LOGS_NOTE], truncated: false });
    if (!parsed.data.ok) {
      // Only a missing entry needs the list, to suggest the rename.
      const defined = parsed.data.error.kind === 'missing' ? await definedFunctions(sandbox) : [];
      return { ok: false, failure: { kind: 'call', error: parsed.data.error, definedFunctions: defined }, durationMs: durationMs(), probe: parsed.data.probe };
    }
    return { ok: true, value: parsed.data.value, grads: parsed.data.grads, gradError: parsed.data.gradError, durationMs: durationMs(), probe: parsed.data.probe };
  } catch (err) {
    if (err instanceof IsolateKilled) return { ok: false, failure: { kind: 'killed', reason: err.reason, atTopLevel: false, limitMs: timeoutMs }, durationMs: durationMs() };
    return { ok: false, failure: { kind: 'call', error: errorInfo(err), definedFunctions: [] }, durationMs: durationMs() };
  }
}

async function definedFunctions(sandbox: Sandbox): Promise<string[]> {
  const names = await callHarness(sandbox, 'definedFunctions', [], 1000);
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}

const HIDDEN_LOGS_NOTE = '(console output during hidden tests is not shown)';

function syntaxFailure(err: Error): Failure {
  // isolated-vm appends the location: "Unexpected token ';' [solution.js:2:13]"
  const m = /^(.*) \[solution\.js:(\d+):(\d+)\]$/.exec(err.message);
  if (!m) return { kind: 'syntax', message: err.message };
  return { kind: 'syntax', message: m[1], line: Number(m[2]), column: Number(m[3]) };
}

function errorInfo(err: unknown): ErrorInfo {
  const e = err instanceof Error ? err : new Error(String(err));
  return { kind: 'exception', name: e.name, message: e.message, stack: e.stack ?? '' };
}
