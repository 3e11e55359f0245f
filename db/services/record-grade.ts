import { and, eq, sql } from 'drizzle-orm';
import type { GradeReport } from '../../graders/report';
import { db } from '../client';
import { gradeReports, submissions } from '../schema';

/**
 * Stores a grading result. Idempotent: a retried job whose first run already wrote its report
 * changes nothing, so an attempt is never graded or counted twice.
 */
export async function recordGradeResult(input: { submissionId: string; run: number; report: GradeReport }): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [submission] = await tx
      .select({ exerciseVersionId: submissions.exerciseVersionId })
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
      .where(and(eq(submissions.id, input.submissionId)));
    return true;
  });
}
