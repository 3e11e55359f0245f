import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { LoadedExercise } from '../content/load';
import { GradeReportSchema, type GradeReport } from '../report';
import type { GradeRequest, GradeResponse } from './protocol';

/** The sandbox process died or stopped answering: the job may be retried; the student did nothing wrong. */
export class SandboxCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxCrashError';
  }
}

export interface ChildPoolOptions {
  /** Child processes. */
  size: number;
  /**
   * Jobs one child grades at once. Isolates run on their own threads, so a child can wait on a
   * student's infinite loop (until its time limit) while it grades other submissions.
   */
  jobsPerChild?: number;
  /** Added to the exercise's own job budget before the parent kills a silent child. */
  watchdogSlackMs?: number;
}

type Job = { jobId: number; request: GradeRequest; budgetMs: number; timer?: NodeJS.Timeout; resolve(r: GradeReport): void; reject(e: Error): void };
type Slot = { child: ChildProcess; ready: Promise<void>; jobs: Map<number, Job> };

// Resolved from the repo root (the working directory of every entry point), not import.meta.url,
// which Next's bundler rewrites: the child runs unbundled under tsx in its own process.
const CHILD_ENTRY = path.join(process.cwd(), 'graders', 'pool', 'child.ts');

/**
 * Runs gradings in child processes. A child that exits, or holds a job past its watchdog, is
 * killed and replaced; its jobs are rejected with SandboxCrashError so the queue can retry them.
 */
export function createChildPool(options: ChildPoolOptions) {
  const slack = options.watchdogSlackMs ?? 10_000;
  const perChild = options.jobsPerChild ?? 1;
  const queue: Job[] = [];
  let nextJobId = 1;
  let closed = false;
  const slots: Slot[] = Array.from({ length: options.size }, () => spawnSlot());

  function spawnSlot(): Slot {
    // spawn with an IPC channel rather than fork(): Turbopack resolves fork()'s path as a module
    // request and fails the build (vercel/next.js#97952); spawn() is traced as a plain file.
    const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', CHILD_ENTRY], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let markReady!: () => void;
    const slot: Slot = { child, ready: new Promise((resolve) => (markReady = resolve)), jobs: new Map() };
    child.on('message', (message: GradeResponse) => {
      if (message.type === 'ready') return markReady();
      const job = slot.jobs.get(message.jobId);
      if (!job) return;
      settle(slot, job);
      if (message.type === 'failed') return job.reject(new SandboxCrashError(`grading engine error: ${message.error}`));
      const parsed = GradeReportSchema.safeParse(message.report);
      if (parsed.success) job.resolve(parsed.data);
      else job.reject(new SandboxCrashError(`sandbox returned an invalid report: ${parsed.error.issues[0]?.message}`));
    });
    child.on('exit', (code, signal) => replace(slot, `sandbox process exited (${signal ?? `code ${code}`})`));
    child.on('error', (error) => replace(slot, `sandbox process error: ${error.message}`));
    return slot;
  }

  function settle(slot: Slot, job: Job) {
    clearTimeout(job.timer);
    slot.jobs.delete(job.jobId);
    setImmediate(pump);
  }

  function replace(slot: Slot, reason: string) {
    const index = slots.indexOf(slot);
    if (index === -1) return;
    if (slot.child.exitCode === null && slot.child.signalCode === null) slot.child.kill('SIGKILL');
    if (closed) slots.splice(index, 1);
    else slots[index] = spawnSlot();
    for (const job of [...slot.jobs.values()]) {
      settle(slot, job);
      job.reject(new SandboxCrashError(reason));
    }
  }

  function pump() {
    for (const slot of slots) {
      while (slot.jobs.size < perChild && queue.length > 0 && slot.child.connected) {
        const job = queue.shift()!;
        slot.jobs.set(job.jobId, job);
        void slot.ready.then(() => {
          if (slot.jobs.get(job.jobId) !== job) return;
          job.timer = setTimeout(() => replace(slot, `sandbox did not answer within ${job.budgetMs} ms`), job.budgetMs);
          slot.child.send(job.request);
        });
      }
    }
  }

  function grade(exercise: LoadedExercise, code: string): Promise<GradeReport> {
    if (closed) return Promise.reject(new SandboxCrashError('the sandbox pool is shut down'));
    return new Promise((resolve, reject) => {
      const jobId = nextJobId++;
      const budgetMs = exercise.meta.limits.timeMsPerJob + slack;
      queue.push({ jobId, request: { type: 'grade', jobId, exercise, code }, budgetMs, resolve, reject });
      pump();
    });
  }

  /** Test hook and operator tool: the pids of the live sandbox processes. */
  function pids(): number[] {
    return slots.map((slot) => slot.child.pid!).filter(Boolean);
  }

  async function close() {
    closed = true;
    for (const job of queue.splice(0)) job.reject(new SandboxCrashError('the sandbox pool is shutting down'));
    await Promise.all(
      slots.map((slot) => new Promise<void>((resolve) => {
        if (slot.child.exitCode !== null || slot.child.signalCode !== null) return resolve();
        slot.child.once('exit', () => resolve());
        slot.child.disconnect();
        setTimeout(() => slot.child.kill('SIGKILL'), 5_000).unref();
      })),
    );
  }

  return { grade, pids, close };
}

export type ChildPool = ReturnType<typeof createChildPool>;
