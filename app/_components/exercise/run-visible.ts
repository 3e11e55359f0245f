// Loaded on the first Run only. Drives a fresh worker per run under the exercise's time limits
// and turns the raw outcomes into a GradeReport with the grader's own assembly code, so Run and
// the server say the same thing about the same code.
import { assembleReport } from '@/graders/assemble';
import type { ExerciseMeta } from '@/graders/content/exercise-schema';
import type { LoadedExercise } from '@/graders/content/load';
import type { GradeReport } from '@/graders/report';
import { caseCall } from '@/graders/runner/reference';
import { toReferenceCase } from '@/graders/visible-cases/shape';
import type { CaseOutcome, Failure, StudentRun } from '@/graders/runner/student';
import { appendLogs, LoadResultSchema, malformedOutput } from '@/graders/runner/run-state';
import { CaseRunSchema } from '@/graders/runner/wire';
import { parsePictures, type ParsedPictures } from '@/graders/visualize/parse';
import { PICTURE_SEED } from '@/graders/visualize/run';
import type { RunnerExercise, VisibleCase } from './run.shared';
import type { CaseCall, WorkerRequest, WorkerResponse } from './worker-protocol.shared';

const MAX_KILLS_PER_RUN = 2;
// Starting a worker means fetching and evaluating tfjs; generous, and not part of any test's limit.
const WORKER_START_MS = 60_000;

export type RunResult = { report: GradeReport; runMs: number; backend: string };
export type PicturesResult = ParsedPictures & { ms: number };
// The pictures are always computed from the same random draws, so two Runs of the same code agree.

type Handle = { worker: Worker; ready: Promise<string>; next: (listener: ((m: WorkerResponse) => void) | null) => void };

function startWorker(): Handle {
  const worker = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module', name: 'tensorgrade-run' });
  let listener: ((m: WorkerResponse) => void) | null = null;
  let markReady!: (backend: string) => void;
  let fail!: (error: Error) => void;
  const ready = new Promise<string>((resolve, reject) => ((markReady = resolve), (fail = reject)));
  ready.catch(() => {});
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const m = event.data;
    if (m.type === 'ready') return markReady(m.backend);
    if (m.type === 'broken') return fail(new Error(m.message));
    listener?.(m);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Error(event.message || 'the test runner failed to start'));
    listener?.({ type: 'broken', message: event.message || 'the test runner stopped' });
  };
  return { worker, ready, next: (l) => (listener = l) };
}

/** Keeps one started worker in reserve, so a Run does not wait for tfjs to load. */
export class VisibleRunner {
  private spare: Handle | null = null;

  warm(): Promise<string> {
    this.spare ??= startWorker();
    return this.spare.ready;
  }

  dispose(): void {
    this.spare?.worker.terminate();
    this.spare = null;
  }

  private async take(): Promise<{ handle: Handle; backend: string }> {
    const handle = this.spare ?? startWorker();
    this.spare = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const backend = await Promise.race([handle.ready, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('tfjs did not load in time')), WORKER_START_MS)))]);
      return { handle, backend };
    } catch (error) {
      handle.worker.terminate();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async run(code: string, exercise: RunnerExercise, cases: VisibleCase[]): Promise<RunResult> {
    const loaded = toLoadedExercise(exercise);
    const refCases = cases.map(toReferenceCase);
    const calls = refCases.map((c) => caseCall(c.spec, loaded, c.args) as CaseCall);
    const run: StudentRun = { outcomes: [], logs: [], logsTruncated: false };
    const fill = (failure: Failure) => {
      while (run.outcomes.length < calls.length) run.outcomes.push({ ok: false, failure, durationMs: 0 });
    };
    let backend = 'cpu';
    let runMs = 0;
    let kills = 0;
    while (run.outcomes.length < calls.length) {
      const last = run.outcomes.at(-1);
      if (kills >= MAX_KILLS_PER_RUN && last && !last.ok) {
        fill(last.failure);
        break;
      }
      let taken: { handle: Handle; backend: string };
      try {
        taken = await this.take();
      } catch (error) {
        fill({ kind: 'infrastructure', message: `the in-browser runner could not start: ${(error as Error).message}` });
        break;
      }
      backend = taken.backend;
      const t0 = performance.now();
      const budget = exercise.limits.timeMsPerJob - runMs;
      if (budget <= 0) {
        taken.handle.worker.terminate();
        fill({ kind: 'budget' });
        break;
      }
      const killed = await drive(taken.handle, code, exercise, calls.slice(run.outcomes.length), budget, run, fill);
      taken.handle.worker.terminate();
      runMs += performance.now() - t0;
      if (killed) kills += 1;
    }
    // Ready for the next Run while the student reads this one.
    void this.warm().catch(() => {});
    return { report: assembleReport(loaded, refCases, run, runMs, code), runMs, backend };
  }

  /** The exercise's visualize.js on the student's code, in a worker of its own under the job's time limit. */
  async pictures(code: string, exercise: RunnerExercise, source: string): Promise<PicturesResult> {
    const t0 = performance.now();
    const { handle } = await this.take();
    const limit = exercise.limits.timeMsPerJob;
    const raw = await new Promise<{ ok: true; result: unknown } | { ok: false; message: string }>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, message: `the pictures took longer than ${Math.round(limit / 1000)} s` }), limit);
      handle.next((m) => {
        if (m.type !== 'pictures' && m.type !== 'pictures-failed' && m.type !== 'broken') return;
        clearTimeout(timer);
        resolve(m.type === 'pictures' ? { ok: true, result: m.result } : { ok: false, message: m.message });
      });
      const request: WorkerRequest = { type: 'visualize', code, entries: exercise.entry, source, seed: PICTURE_SEED };
      handle.worker.postMessage(request);
    });
    handle.worker.terminate();
    void this.warm().catch(() => {});
    const ms = Math.round(performance.now() - t0);
    return raw.ok ? { ...parsePictures(raw.result), ms } : { ok: false, message: raw.message, ms };
  }
}

/** Runs the code on `calls` in one worker; returns true when a time limit killed it. */
function drive(handle: Handle, code: string, exercise: RunnerExercise, calls: CaseCall[], budgetMs: number, run: StudentRun, fill: (f: Failure) => void): Promise<boolean> {
  // The exercise's own limit, not Submit's relative one (graders/runner/time-limits.ts): this is the
  // student's machine, of unknown speed, and nobody else's grading waits for it.
  const { timeMsPerTest } = exercise.limits;
  const first = run.outcomes.length;
  return new Promise((resolve) => {
    let defined: string[] = [];
    let atTopLevel = true;
    let stageStart = performance.now();
    const jobStart = stageStart;
    let timer: ReturnType<typeof setTimeout>;
    // Whether the armed timer is the job budget running out rather than this test's own limit.
    let budgetTimer = false;
    const finish = (killed: boolean) => {
      clearTimeout(timer);
      handle.next(null);
      resolve(killed);
    };
    const arm = () => {
      clearTimeout(timer);
      const remaining = budgetMs - (performance.now() - jobStart);
      budgetTimer = remaining < timeMsPerTest;
      timer = setTimeout(onTimeout, Math.max(1, Math.min(timeMsPerTest, remaining)));
    };
    const onTimeout = () => {
      handle.worker.terminate();
      if (atTopLevel) {
        fill({ kind: 'killed', reason: 'timeout', atTopLevel: true });
        return finish(false);
      }
      if (budgetTimer) {
        fill({ kind: 'budget' });
        return finish(false);
      }
      run.outcomes.push({ ok: false, failure: { kind: 'killed', reason: 'timeout', atTopLevel: false }, durationMs: round(performance.now() - stageStart) });
      finish(true);
    };
    handle.next((m) => {
      const now = performance.now();
      const durationMs = round(now - stageStart);
      stageStart = now;
      switch (m.type) {
        case 'syntax':
          fill({ kind: 'syntax', message: m.message, line: m.line, column: m.column });
          return finish(false);
        case 'broken':
          fill({ kind: 'infrastructure', message: m.message });
          return finish(false);
        case 'loaded': {
          atTopLevel = false;
          const parsed = LoadResultSchema.safeParse(m.result);
          if (!parsed.success) {
            fill({ kind: 'top-level', error: malformedOutput() });
            return finish(false);
          }
          appendLogs(run, parsed.data.logs);
          if (!parsed.data.ok) {
            fill({ kind: 'top-level', error: parsed.data.error });
            return finish(false);
          }
          return arm();
        }
        case 'defined':
          defined = m.names;
          return;
        case 'case': {
          const parsed = CaseRunSchema.safeParse(m.result);
          let outcome: CaseOutcome;
          if (!parsed.success) outcome = { ok: false, failure: { kind: 'call', error: malformedOutput(), definedFunctions: defined }, durationMs };
          else {
            appendLogs(run, parsed.data.logs);
            const probe = parsed.data.probe;
            outcome = parsed.data.ok
              ? { ok: true, value: parsed.data.value, grads: parsed.data.grads, gradError: parsed.data.gradError, durationMs, probe }
              : { ok: false, failure: { kind: 'call', error: parsed.data.error, definedFunctions: defined }, durationMs, probe };
          }
          run.outcomes.push(outcome);
          if (run.outcomes.length - first >= calls.length) return finish(false);
          return arm();
        }
        case 'done':
          return finish(false);
      }
    });
    const request: WorkerRequest = { type: 'run', code, entries: exercise.entry, calls };
    handle.worker.postMessage(request);
    arm();
  });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function toLoadedExercise(exercise: RunnerExercise): LoadedExercise {
  const meta = { entry: exercise.entry, limits: exercise.limits, scalarLosses: exercise.scalarLosses } as ExerciseMeta;
  return { slug: '', meta, statement: '', stub: exercise.stub, reference: '', tests: '', visualize: null, versionHash: exercise.versionHash };
}
