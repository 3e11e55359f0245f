import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import type { LoadedExercise } from '../content/load';
import { capReport, GradeReportSchema, REPORT_VERSION, type GradeReport } from '../report';
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
  /** Resident memory (VmRSS) past which a child is replaced; default DEFAULT_CHILD_MEMORY_MB. */
  memoryLimitMb?: number;
  /** How often every child's resident memory is read (it is also read after each job). */
  memoryCheckMs?: number;
  /** OS niceness of the children (0–19): a pool for CPU-heavy students yields the cores to the others. */
  nice?: number;
  /** Passed to each child's grader: jobs per isolate (default 20) and whether isolates start from a snapshot. */
  jobsPerIsolate?: number;
  snapshot?: boolean;
}

// A child at rest is ~110–140 MB; each job adds at most its isolate (128 MB heap limit, which V8
// may overshoot a little and keeps for the isolate's next jobs) and the exercise's reference isolate.
export const DEFAULT_CHILD_MEMORY_MB = 1536;

type Job = {
  jobId: number;
  request: GradeRequest;
  budgetMs: number;
  queuedAt: number;
  /** A retry after a crash: runs alone in a fresh child, and a second crash there is the submission's. */
  isolated: boolean;
  /** Handed to a ready child: only then can its crash be the submission's doing. */
  sent?: boolean;
  timer?: NodeJS.Timeout;
  resolve(r: GradeReport): void;
  reject(e: Error): void;
};
type Slot = { child: ChildProcess; ready: Promise<void>; jobs: Map<number, Job>; served: number; reservedFor?: Job };

// Resolved from the repo root (the working directory of every entry point), not import.meta.url,
// which Next's bundler rewrites: the child runs unbundled under tsx in its own process.
const CHILD_ENTRY = path.join(process.cwd(), 'graders', 'pool', 'child.ts');

/** A process's resident memory in MB, or undefined where /proc is not there to read. */
export function residentMb(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs gradings in child processes. A child that exits, holds a job past its watchdog, or grows
 * past its memory limit is killed and replaced. Its jobs are not at fault yet: each is retried
 * alone in a fresh child, and only a job that brings down a fresh child on its own is graded as
 * the cause (a report saying so, never retried again). The other jobs lose nothing.
 */
export function createChildPool(options: ChildPoolOptions) {
  const slack = options.watchdogSlackMs ?? 10_000;
  const perChild = options.jobsPerChild ?? 1;
  const memoryLimitMb = options.memoryLimitMb ?? DEFAULT_CHILD_MEMORY_MB;
  const queue: Job[] = [];
  let nextJobId = 1;
  let closed = false;
  let graded = 0;
  const slots: Slot[] = Array.from({ length: options.size }, () => spawnSlot());
  const memoryTimer = setInterval(() => slots.forEach(checkMemory), options.memoryCheckMs ?? 250);
  memoryTimer.unref();

  function spawnSlot(): Slot {
    // spawn with an IPC channel rather than fork(): Turbopack resolves fork()'s path as a module
    // request and fails the build (vercel/next.js#97952); spawn() is traced as a plain file.
    const settings = [`--jobs-per-isolate=${options.jobsPerIsolate ?? 20}`, `--snapshot=${options.snapshot === false ? 0 : 1}`];
    const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', CHILD_ENTRY, ...settings], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    // Set before the child has loaded anything; its isolate threads inherit it.
    if (options.nice && child.pid !== undefined) setPriority(child.pid, options.nice);
    let markReady!: () => void;
    const slot: Slot = { child, ready: new Promise((resolve) => (markReady = resolve)), jobs: new Map(), served: 0 };
    child.on('message', (message: GradeResponse) => {
      if (message.type === 'ready') return markReady();
      const job = slot.jobs.get(message.jobId);
      if (!job) return;
      settle(slot, job);
      checkMemory(slot);
      if (message.type === 'failed') return job.reject(new SandboxCrashError(`grading engine error: ${message.error}`));
      const parsed = GradeReportSchema.safeParse(message.report);
      if (!parsed.success) return job.reject(new SandboxCrashError(`sandbox returned an invalid report: ${parsed.error.issues[0]?.message}`));
      graded += 1;
      job.resolve(capReport(parsed.data));
    });
    child.on('exit', (code, signal) => replace(slot, `the sandbox process exited (${signal ?? `code ${code}`})`));
    child.on('error', (error) => replace(slot, `sandbox process error: ${error.message}`));
    return slot;
  }

  function settle(slot: Slot, job: Job) {
    clearTimeout(job.timer);
    slot.jobs.delete(job.jobId);
    setImmediate(pump);
  }

  // Memory a submission commits outside its isolate's limit, or that a child keeps after its
  // jobs, never accumulates: the child goes, and with it whatever it held.
  function checkMemory(slot: Slot) {
    const pid = slot.child.pid;
    const mb = pid === undefined ? undefined : residentMb(pid);
    if (mb !== undefined && mb > memoryLimitMb) replace(slot, `the sandbox process grew past its memory limit (${Math.round(mb)} MB > ${memoryLimitMb} MB)`);
  }

  function replace(slot: Slot, reason: string) {
    const index = slots.indexOf(slot);
    if (index === -1) return;
    if (slot.child.exitCode === null && slot.child.signalCode === null) slot.child.kill('SIGKILL');
    if (closed) slots.splice(index, 1);
    else slots[index] = spawnSlot();
    const retries: Job[] = [];
    for (const job of [...slot.jobs.values()]) {
      settle(slot, job);
      // A child that dies before it got the job (it failed to start) says nothing about the job.
      if (closed || (job.isolated && !job.sent)) job.reject(new SandboxCrashError(reason));
      else if (job.isolated) job.resolve(crashReport(job, reason));
      else retries.push({ ...job, isolated: true, sent: false, timer: undefined });
    }
    if (retries.length) console.warn(`[grading] ${reason}; retrying its ${retries.length} job(s), each alone in a fresh sandbox process`);
    queue.unshift(...retries);
  }

  function assign(slot: Slot, job: Job) {
    queue.splice(queue.indexOf(job), 1);
    slot.jobs.set(job.jobId, job);
    slot.served += 1;
    if (slot.reservedFor === job) slot.reservedFor = undefined;
    void slot.ready.then(() => {
      if (slot.jobs.get(job.jobId) !== job) return;
      job.timer = setTimeout(() => replace(slot, `the sandbox did not answer within ${job.budgetMs} ms`), job.budgetMs);
      job.sent = true;
      slot.child.send(job.request);
    });
  }

  const holdsIsolated = (slot: Slot) => [...slot.jobs.values()].some((j) => j.isolated);

  /** A fresh, idle child for an isolated retry; reserves (drains, then renews) one when there is none. */
  function placeIsolated(job: Job) {
    const fresh = slots.find((s) => s.child.connected && s.jobs.size === 0 && s.served === 0 && (!s.reservedFor || s.reservedFor === job));
    if (fresh) return assign(fresh, job);
    let reserved = slots.find((s) => s.reservedFor === job);
    if (!reserved) {
      const candidates = slots.filter((s) => !s.reservedFor && !holdsIsolated(s));
      reserved = candidates.sort((a, b) => a.jobs.size - b.jobs.size)[0];
      if (!reserved) return;
      reserved.reservedFor = job;
    }
    // Drained but used: renew it. Its replacement is fresh and reserved for nobody yet.
    if (reserved.jobs.size === 0 && reserved.child.connected) {
      reserved.reservedFor = undefined;
      replace(reserved, 'renewed for a retry');
      setImmediate(pump);
    }
  }

  function pump() {
    for (const job of [...queue]) {
      if (job.isolated) {
        placeIsolated(job);
        continue;
      }
      const slot = slots.find((s) => s.child.connected && !s.reservedFor && !holdsIsolated(s) && s.jobs.size < perChild);
      if (slot) assign(slot, job);
    }
  }

  function crashReport(job: Job, reason: string): GradeReport {
    const { exercise } = job.request;
    return GradeReportSchema.parse({
      version: REPORT_VERSION,
      status: 'graded',
      score: 0,
      points: 0,
      maxPoints: exercise.meta.points,
      tests: [],
      logs: [],
      logsTruncated: false,
      durationMs: Math.round(performance.now() - job.queuedAt),
      exerciseVersion: exercise.versionHash,
      error:
        `Scored 0: this submission brought down the grading process twice, the second time running alone (${reason}). ` +
        'It uses something the per-test limits do not catch (memory outside its sandbox, or an output too large to copy), so it is not retried.',
    });
  }

  function grade(exercise: LoadedExercise, code: string): Promise<GradeReport> {
    if (closed) return Promise.reject(new SandboxCrashError('the sandbox pool is shut down'));
    return new Promise((resolve, reject) => {
      const jobId = nextJobId++;
      const budgetMs = exercise.meta.limits.timeMsPerJob + slack;
      queue.push({ jobId, request: { type: 'grade', jobId, exercise, code }, budgetMs, queuedAt: performance.now(), isolated: false, resolve, reject });
      pump();
    });
  }

  /** Test hook and operator tool: the pids of the live sandbox processes. */
  function pids(): number[] {
    return slots.map((slot) => slot.child.pid!).filter(Boolean);
  }

  async function close() {
    closed = true;
    clearInterval(memoryTimer);
    for (const job of queue.splice(0)) job.reject(new SandboxCrashError('the sandbox pool is shutting down'));
    await Promise.all(
      slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (slot.child.exitCode !== null || slot.child.signalCode !== null) return resolve();
            slot.child.once('exit', () => resolve());
            slot.child.disconnect();
            setTimeout(() => slot.child.kill('SIGKILL'), 5_000).unref();
          }),
      ),
    );
  }

  /** Reports this pool's children have returned. */
  const gradedCount = () => graded;

  return { grade, pids, close, memoryLimitMb, gradedCount };
}

export type ChildPool = ReturnType<typeof createChildPool>;
