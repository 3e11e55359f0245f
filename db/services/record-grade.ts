import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { GradeReport } from '../../graders/report';
import { db, type Db } from '../client';
import { gradeReports, regradeRuns, submissions } from '../schema';
import { markScoresChanged } from '../queries/lti';
import { countedReport, REGRADE_CRASHED } from '../queries/regrades';

type GradeResult = { submissionId: string; run: number; report: GradeReport; regradeRunId?: string };

/**
 * Stores a grading result. Idempotent: a retried job whose first run already wrote its report
 * changes nothing, so an attempt is never graded or counted twice.
 */
export async function recordGradeResult(input: GradeResult): Promise<boolean> {
  return db().transaction(async (tx) => {
    if (input.regradeRunId) return recordRegradeResult(tx, { ...input, regradeRunId: input.regradeRunId });
    const [submission] = await tx
      .select({ exerciseVersionId: submissions.exerciseVersionId, userId: submissions.userId, itemId: submissions.itemId })
      .from(submissions)
      .where(eq(submissions.id, input.submissionId));
    if (!submission) return false;
    const inserted = await tx
      .insert(gradeReports)
      .values({ submissionId: input.submissionId, run: input.run, exerciseVersionId: submission.exerciseVersionId, report: input.report, score: input.report.score })
      .onConflictDoNothing()
      .returning({ id: gradeReports.id });
    if (inserted.length === 0) return false;
    await tx
      .update(submissions)
      .set({ status: input.report.status === 'graded' ? 'graded' : 'error', score: input.report.score, gradedAt: sql`now()` })
      .where(eq(submissions.id, input.submissionId));
    // LMS grade passback (db/lti/score-sync.ts): a no-op for items no LMS links to.
    if (submission.itemId) await markScoresChanged(tx, [submission.userId], [submission.itemId]);
    return true;
  });
}

/**
 * When every retry of a regrade job crashed, the run stores a marked copy of the submission's
 * current result (same score, same version), so the run can finish and accepting it leaves that
 * submission exactly as it was — for every reader of counted reports, not just submissions.score.
 */
export async function recordRegradeCrash(input: Omit<Required<GradeResult>, 'report'>): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [current] = await tx
      .select({ report: gradeReports.report, versionId: gradeReports.exerciseVersionId })
      .from(gradeReports)
      .leftJoin(regradeRuns, eq(regradeRuns.id, gradeReports.regradeRunId))
      .where(and(eq(gradeReports.submissionId, input.submissionId), countedReport))
      .orderBy(desc(gradeReports.run))
      .limit(1);
    if (!current) return false;
    const report = { ...current.report, [REGRADE_CRASHED]: true };
    return recordRegradeResult(tx, { ...input, report, versionId: current.versionId });
  });
}

/**
 * A regrade's report is stored against the run's version and leaves the submission alone until an
 * instructor accepts the run. The last report of a run marks it ready.
 */
async function recordRegradeResult(tx: Db, input: Required<GradeResult> & { versionId?: string }): Promise<boolean> {
  // Locking the run serialises its reports, so exactly one transaction sees the final count.
  const [run] = await tx.select({ versionId: regradeRuns.exerciseVersionId, total: regradeRuns.total }).from(regradeRuns).where(eq(regradeRuns.id, input.regradeRunId)).for('update');
  if (!run) return false;
  const inserted = await tx
    .insert(gradeReports)
    .values({
      submissionId: input.submissionId,
      run: input.run,
      regradeRunId: input.regradeRunId,
      exerciseVersionId: input.versionId ?? run.versionId,
      report: input.report,
      score: input.report.score,
    })
    .onConflictDoNothing()
    .returning({ id: gradeReports.id });
  if (inserted.length === 0) return false;
  const [written] = await tx.select({ n: count() }).from(gradeReports).where(eq(gradeReports.regradeRunId, input.regradeRunId));
  if (written.n >= run.total) {
    await tx
      .update(regradeRuns)
      .set({ status: 'ready' })
      .where(and(eq(regradeRuns.id, input.regradeRunId), eq(regradeRuns.status, 'running')));
  }
  return true;
}
