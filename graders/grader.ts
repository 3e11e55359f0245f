import { availableParallelism } from 'node:os';
import { assembleReport, errorReport } from './assemble';
import { ContentError, type LoadedExercise } from './content/load';
import type { GradeReport } from './report';
import { computeReference, type ReferenceData } from './runner/reference';
import { runStudent } from './runner/student';
import { getSandboxEngine, type SandboxEngine } from './sandbox/engine';
import { WarmPool } from './sandbox/warm-pool';
import { semaphore } from './semaphore';

export interface GradeInput {
  exercise: LoadedExercise;
  code: string;
  signal?: AbortSignal;
}

export interface Grader {
  grade(input: GradeInput): Promise<GradeReport>;
  /** Inputs and expected outputs for an exercise version, computed once and cached. */
  reference(exercise: LoadedExercise): Promise<ReferenceData>;
  /** Disposes the isolates kept warm; the grader still works afterwards, starting cold. */
  close(): void;
}

export interface GraderOptions {
  /** Jobs run at once; each runs on its own isolate thread, so the number of cores is right. */
  concurrency?: number;
  engine?: SandboxEngine;
  /** Exercise versions whose expected outputs stay in memory. */
  referenceCacheSize?: number;
  /** Fresh isolates kept started ahead of jobs, per memory limit (default: concurrency). */
  warmIsolates?: number;
  /**
   * Jobs one isolate may serve, one at a time, each in a fresh context (default 1: a fresh
   * isolate per job). Saves isolate start-up; see graders/README.md for what it does and does not share.
   */
  jobsPerIsolate?: number;
  /** How much slower than idle the machine runs now, which loosens each case's relative time limit (default: load average per core). */
  loadFactor?: () => number;
  /** Isolates start from a V8 snapshot (default) or compile tfjs from a code cache. */
  snapshot?: boolean;
}

// A submission larger than this is not code a student typed.
const MAX_CODE_BYTES = 256 * 1024;

export function createGrader(options: GraderOptions = {}): Grader {
  const concurrency = options.concurrency ?? availableParallelism();
  const cacheSize = options.referenceCacheSize ?? 64;
  const references = new Map<string, Promise<ReferenceData>>();
  const slots = semaphore(concurrency);
  const engine = () => (options.engine ? Promise.resolve(options.engine) : getSandboxEngine({ snapshot: options.snapshot }));
  const pools = new Map<number, WarmPool>();
  const open = async (memoryMb: number) => {
    const e = await engine();
    const warm = options.warmIsolates ?? concurrency;
    if (warm === 0 && (options.jobsPerIsolate ?? 1) === 1) return e.open(memoryMb);
    let pool = pools.get(memoryMb);
    if (!pool) pools.set(memoryMb, (pool = new WarmPool(e, memoryMb, warm, options.jobsPerIsolate ?? 1)));
    return pool.take();
  };

  function reference(exercise: LoadedExercise): Promise<ReferenceData> {
    const key = exercise.versionHash;
    let cached = references.get(key);
    if (!cached) {
      cached = engine().then((e) => computeReference(e, exercise));
      cached.catch(() => references.delete(key));
      references.set(key, cached);
      if (references.size > cacheSize) references.delete(references.keys().next().value!);
    }
    return cached;
  }

  async function grade({ exercise, code, signal }: GradeInput): Promise<GradeReport> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    if (Buffer.byteLength(code) > MAX_CODE_BYTES) return errorReport(exercise, `the submission is larger than ${MAX_CODE_BYTES / 1024} KB`, elapsed());
    let ref: ReferenceData;
    try {
      ref = await reference(exercise);
    } catch (err) {
      if (err instanceof ContentError) return errorReport(exercise, `exercise content is broken: ${err.message}`, elapsed());
      throw err;
    }
    const release = await slots();
    try {
      const run = await runStudent({ open, exercise, code, cases: ref.cases, signal, loadFactor: options.loadFactor });
      return assembleReport(exercise, ref.cases, run, elapsed(), code);
    } finally {
      release();
    }
  }

  function close() {
    for (const pool of pools.values()) pool.close();
    pools.clear();
  }

  return { grade, reference, close };
}
