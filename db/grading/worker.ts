import type { Job } from 'pg-boss';
import type { Env } from '../../env';
import { createChildPool, SandboxCrashError, type ChildPool } from '../../graders/pool/child-pool';
import { exerciseFromVersion } from '../../graders/content/load';
import { fairGradingPriority, GRADE_DEAD_LETTER_QUEUE, GRADE_QUEUE, GRADE_RETRY_LIMIT, getQueue, type GradeJobData } from './queue';
import { selectHasGradeReport, selectRecentGradingMs, selectSubmissionForGrading, updateSubmissionStatus } from '../queries/submissions';
import { recordGradeResult, recordRegradeCrash } from '../services/record-grade';
import { selectRegradeVersion } from '../queries/regrades';
import { announceSubmissionChanged } from './notify';

const JOBS_PER_PROCESS = 4;
// CFS weight 110 against the default's 1024: about a tenth of a core's share while others want it.
const HEAVY_NICENESS = 10;

export type GradingWorker = { pool: ChildPool; heavyPool: ChildPool; stop(): Promise<void> };

/** The sandbox processes' settings, from the environment (env.ts). */
export type SandboxSettings = { jobsPerIsolate: number; memoryLimitMb: number; snapshot: boolean };

export function sandboxSettings(env: Pick<Env, 'GRADING_JOBS_PER_ISOLATE' | 'GRADING_CHILD_MEMORY_MB' | 'TENSORGRADE_SNAPSHOT'>): SandboxSettings {
  return { jobsPerIsolate: env.GRADING_JOBS_PER_ISOLATE, memoryLimitMb: env.GRADING_CHILD_MEMORY_MB, snapshot: env.TENSORGRADE_SNAPSHOT === '1' };
}

/**
 * Consumes grading jobs with `concurrency` sandbox child processes. A student's bug is a graded
 * result; only a crashed or silent sandbox is retried, GRADE_RETRY_LIMIT times, and then the
 * submission is marked failed so staff can see and retry it — it never waits silently forever.
 */
export async function startGradingWorker(options: { concurrency: number; jobsPerProcess?: number; sandbox?: SandboxSettings }): Promise<GradingWorker> {
  // Several jobs per sandbox process: a student's infinite loop holds one isolate thread until its
  // time limit, not a whole process, so honest submissions keep flowing past it.
  const jobsPerChild = options.jobsPerProcess ?? JOBS_PER_PROCESS;
  const pool = createChildPool({ size: options.concurrency, jobsPerChild, ...options.sandbox });
  // Priority only orders the queue; once running, a CPU-burning job would take a thread's full
  // share of the cores. Heavy students (fairGradingPriority below 0) are graded one at a time in a
  // sandbox process of their own at low CPU priority, which yields the cores to everybody else.
  const heavyPool = createChildPool({ size: 1, jobsPerChild: 1, nice: HEAVY_NICENESS, ...options.sandbox });
  const boss = await getQueue();
  const workId = await boss.work<GradeJobData>(
    GRADE_QUEUE,
    // groupConcurrency 1: jobs are grouped by student, so one student's burst cannot take every slot.
    {
      localConcurrency: options.concurrency * jobsPerChild,
      groupConcurrency: 1,
      // New jobs wake workers by NOTIFY (db/grading/queue.ts); the poll is the backstop, and drains a backlog
      // of jobs that were waiting on a student's one-at-a-time group limit.
      pollingIntervalSeconds: 0.5,
      notifyPollingIntervalSeconds: 0.5,
    },
    async ([job]) => gradeJob({ pool, heavyPool }, job),
  );
  const deadWorkId = await boss.work<GradeJobData>(GRADE_DEAD_LETTER_QUEUE, { pollingIntervalSeconds: 2 }, async ([job]) => markGradingFailed(job));
  return {
    pool,
    heavyPool,
    async stop() {
      // Hand back or finish in-flight jobs before the sandboxes go away.
      await boss.offWork(GRADE_QUEUE, { id: workId, wait: true });
      await boss.offWork(GRADE_DEAD_LETTER_QUEUE, { id: deadWorkId, wait: true });
      await Promise.all([pool.close(), heavyPool.close()]);
    },
  };
}

async function gradeJob(pools: { pool: ChildPool; heavyPool: ChildPool }, job: Job<GradeJobData>): Promise<void> {
  const { submissionId, run, regradeRunId } = job.data;
  const submission = await selectSubmissionForGrading(submissionId);
  if (!submission || (await selectHasGradeReport(submissionId, run))) return;
  // A regrade grades against its run's version (null once discarded: nothing left to do) and leaves
  // the submission's live status alone; only accepting the run changes what students see.
  const version = regradeRunId ? await selectRegradeVersion(regradeRunId) : submission;
  if (!version) return;
  if (!regradeRunId) await setLiveStatus(submissionId, 'grading');
  const exercise = exerciseFromVersion({ ...version, versionHash: version.contentHash });
  // Decided when the job starts, not when it was queued: a student's jobs run one at a time, so by
  // now the previous one's time is known (a burst queued before any was graded is caught after the first).
  const heavy = !regradeRunId && fairGradingPriority(await selectRecentGradingMs(submission.userId)) < 0;
  const pool = heavy ? pools.heavyPool : pools.pool;
  try {
    const report = await pool.grade(exercise, submission.code);
    const stored = await recordGradeResult({ submissionId, run, report, regradeRunId });
    // The exercise page's stream (app/api/submissions/[submissionId]/events) is waiting for this.
    if (stored && !regradeRunId) await announceSubmissionChanged(submissionId);
    if (stored) console.log(`[grading] ${process.pid} graded ${submissionId} run ${run}: ${Math.round(report.score * 100)} % in ${Math.round(report.durationMs)} ms`);
  } catch (error) {
    if (!(error instanceof SandboxCrashError)) throw error;
    if (job.retryCount >= GRADE_RETRY_LIMIT) {
      console.error(`[grading] submission ${submissionId} failed after ${job.retryCount + 1} attempts: ${error.message}`);
      // A regrade still needs a report so its run can finish: the submission's current result, marked.
      if (regradeRunId) await recordRegradeCrash({ submissionId, run, regradeRunId });
      else await setLiveStatus(submissionId, 'failed');
      return;
    }
    if (!regradeRunId) await setLiveStatus(submissionId, 'queued');
    throw error;
  }
}

/**
 * A grading job that pg-boss failed for good: its worker was killed on the last retry (heartbeat
 * lapsed, or an embedded server restarted mid-job), or its handler threw on the last try. Without
 * this its submission stayed 'grading' forever; 'failed' shows the student that the grader could
 * not run it and lists it for staff to retry. A report stored meanwhile wins: nothing to undo.
 */
async function markGradingFailed(job: Job<GradeJobData>): Promise<void> {
  const { submissionId, run, regradeRunId } = job.data;
  if (await selectHasGradeReport(submissionId, run)) return;
  console.error(`[grading] submission ${submissionId} run ${run} failed for good (its last attempt was lost)`);
  if (regradeRunId) await recordRegradeCrash({ submissionId, run, regradeRunId });
  else await setLiveStatus(submissionId, 'failed');
}

/** A status the student sees, announced to the page that follows it. */
async function setLiveStatus(submissionId: string, status: 'grading' | 'queued' | 'failed'): Promise<void> {
  await updateSubmissionStatus(submissionId, status);
  await announceSubmissionChanged(submissionId);
}
