import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { db, type Db } from '../client';
import { enqueueRegrades, getQueue } from '../grading/queue';
import { assertCapability } from '../queries/courses';
import { NOT_PERMITTED, Refusal } from '../queries/errors';
import { isUuid } from '../queries/ids';
import { markScoresChanged } from '../queries/lti';
import { assignmentItems, assignments, exercises, gradeReports, regradeRuns, submissions } from '../schema';

/**
 * Re-runs every graded submission of an exercise in the course (or one student's) against the
 * exercise's current version, as background jobs. The run row and all its jobs commit together.
 * Nothing changes for students until an instructor accepts the run.
 */
export async function startRegrade(input: { actorId: string; courseId: string; exerciseId: string; userId?: string }): Promise<{ runId: string; total: number }> {
  if (!isUuid(input.courseId) || (input.userId !== undefined && !isUuid(input.userId))) throw new Refusal('forbidden', NOT_PERMITTED);
  await assertCapability(input.actorId, input.courseId, 'regrade.run');
  const [exercise] = await db().select({ versionId: exercises.currentVersionId }).from(exercises).where(eq(exercises.id, input.exerciseId));
  if (!exercise?.versionId) throw new Refusal('not-found', 'No such exercise.');
  const versionId = exercise.versionId;
  const boss = await getQueue();
  return db().transaction(async (tx) => {
    // Serialises starts for one exercise of one course, so the "still running" check and the run
    // number below cannot race.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`regrade:${input.courseId}:${input.exerciseId}`}))`);
    const scope = and(eq(regradeRuns.courseId, input.courseId), eq(regradeRuns.exerciseId, input.exerciseId));
    const [{ earlierRuns, running }] = await tx
      .select({ earlierRuns: count(), running: sql<number>`count(*) filter (where ${regradeRuns.status} = 'running')`.mapWith(Number) })
      .from(regradeRuns)
      .where(scope);
    if (running > 0) throw new Refusal('conflict', 'A regrade of this exercise is still running; wait for it or discard it.');
    const targets = await tx
      .select({ submissionId: submissions.id, userId: submissions.userId })
      .from(submissions)
      .innerJoin(assignmentItems, eq(assignmentItems.id, submissions.itemId))
      .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
      .where(
        and(
          eq(assignments.courseId, input.courseId),
          eq(submissions.exerciseId, input.exerciseId),
          // Queued or failed submissions have no result to compare with; live grading or a retry handles them.
          inArray(submissions.status, ['graded', 'error']),
          input.userId ? eq(submissions.userId, input.userId) : undefined,
        ),
      );
    if (targets.length === 0) throw new Refusal('conflict', 'There are no graded submissions to regrade.');
    const [run] = await tx
      .insert(regradeRuns)
      .values({ courseId: input.courseId, exerciseId: input.exerciseId, exerciseVersionId: versionId, userId: input.userId, total: targets.length, createdBy: input.actorId })
      .returning({ id: regradeRuns.id });
    // Run 0 is the live grading; the n-th regrade of this exercise in this course writes run n. A
    // discarded run's straggling job can therefore never take the report slot of a later run.
    const runNumber = earlierRuns + 1;
    await enqueueRegrades(
      boss,
      tx,
      targets.map((t) => ({ ...t, run: runNumber, regradeRunId: run.id })),
    );
    return { runId: run.id, total: targets.length };
  });
}

/**
 * Applies a finished run (instructors only), in one transaction: each regraded submission takes its
 * new score and status, and is re-pinned to the version it was graded with, so the submission's
 * version is always the one its score came from and a later retry reproduces it. (A submission the
 * sandbox could not regrade has a copy of its old result in the run, so it keeps everything.)
 * Other finished runs of the exercise are superseded.
 */
export async function acceptRegrade(actorId: string, courseId: string, runId: string): Promise<{ applied: number }> {
  return decideRegrade(actorId, courseId, runId, async (tx, run) => {
    if (run.status !== 'ready') throw new Refusal('conflict', 'Only a finished regrade can be accepted.');
    const applied = await tx
      .update(submissions)
      .set({
        score: sql`${gradeReports.score}`,
        status: sql`case when ${gradeReports.report}->>'status' = 'graded' then 'graded' else 'error' end::submission_status`,
        exerciseVersionId: sql`${gradeReports.exerciseVersionId}`,
      })
      .from(gradeReports)
      .where(and(eq(gradeReports.submissionId, submissions.id), eq(gradeReports.regradeRunId, runId)))
      .returning({ id: submissions.id, userId: submissions.userId, itemId: submissions.itemId });
    const itemIds = [...new Set(applied.flatMap((s) => (s.itemId ? [s.itemId] : [])))];
    await markScoresChanged(tx, [...new Set(applied.map((s) => s.userId))], itemIds);
    await tx
      .update(regradeRuns)
      .set({ status: 'discarded', decidedAt: sql`now()` })
      .where(and(eq(regradeRuns.courseId, courseId), eq(regradeRuns.exerciseId, run.exerciseId), eq(regradeRuns.status, 'ready'), ne(regradeRuns.id, runId)));
    await tx
      .update(regradeRuns)
      .set({ status: 'accepted', decidedAt: sql`now()` })
      .where(eq(regradeRuns.id, runId));
    return { applied: applied.length };
  });
}

/** Drops a running or finished run (instructors only): no score changes; queued jobs are skipped. */
export async function discardRegrade(actorId: string, courseId: string, runId: string): Promise<void> {
  await decideRegrade(actorId, courseId, runId, async (tx, run) => {
    if (run.status !== 'running' && run.status !== 'ready') throw new Refusal('conflict', 'This regrade has already been decided.');
    await tx
      .update(regradeRuns)
      .set({ status: 'discarded', decidedAt: sql`now()` })
      .where(eq(regradeRuns.id, runId));
  });
}

type LockedRun = { exerciseId: string; status: string };

async function decideRegrade<T>(actorId: string, courseId: string, runId: string, decide: (tx: Db, run: LockedRun) => Promise<T>): Promise<T> {
  if (!isUuid(courseId) || !isUuid(runId)) throw new Refusal('forbidden', NOT_PERMITTED);
  await assertCapability(actorId, courseId, 'regrade.decide');
  return db().transaction(async (tx) => {
    // The row lock orders a decision after the last report's "ready" update (see record-grade).
    const [run] = await tx
      .select({ exerciseId: regradeRuns.exerciseId, status: regradeRuns.status })
      .from(regradeRuns)
      .where(and(eq(regradeRuns.id, runId), eq(regradeRuns.courseId, courseId)))
      .for('update');
    if (!run) throw new Refusal('forbidden', 'No such regrade.');
    return decide(tx, run);
  });
}
