import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { db } from '../client';
import { assignmentItems, assignments, exerciseVersions, extensions, gradeReports, regradeRuns, submissions, submissionStatus, users } from '../schema';
import { GradeReportSchema, studentReport } from '../../graders/report';
import { extensionOf, feedbackVisible } from './assignments';
import { assertCapability } from './courses';
import { isUuid } from './ids';
import { countedReport, versionForGrading } from './regrades';

/** Derived from the pgEnum: the one place a submission's statuses are spelled. */
export type SubmissionStatus = (typeof submissionStatus.enumValues)[number];

/** What a grading worker needs: the code and the exact exercise version it was submitted against. */
export async function selectSubmissionForGrading(submissionId: string) {
  const [row] = await db()
    .select({
      id: submissions.id,
      userId: submissions.userId,
      code: submissions.code,
      status: submissions.status,
      ...versionForGrading,
    })
    .from(submissions)
    .innerJoin(exerciseVersions, eq(exerciseVersions.id, submissions.exerciseVersionId))
    .where(eq(submissions.id, submissionId));
  return row ?? null;
}

export async function selectHasGradeReport(submissionId: string, run: number): Promise<boolean> {
  const [row] = await db()
    .select({ id: gradeReports.id })
    .from(gradeReports)
    .where(and(eq(gradeReports.submissionId, submissionId), eq(gradeReports.run, run)));
  return Boolean(row);
}

export async function updateSubmissionStatus(submissionId: string, status: SubmissionStatus): Promise<void> {
  await db().update(submissions).set({ status }).where(eq(submissions.id, submissionId));
}

/** Counts for the per-student rate limits: submissions not yet graded, and submissions in the last minute. */
export async function selectSubmissionPressure(userId: string): Promise<{ inFlight: number; lastMinute: number; recentGradingMs: number }> {
  const [row] = await db()
    .select({
      inFlight: sql<number>`count(*) filter (where ${inArray(submissions.status, ['queued', 'grading'])})`.mapWith(Number),
      lastMinute: sql<number>`count(*) filter (where ${submissions.createdAt} > now() - interval '1 minute')`.mapWith(Number),
    })
    .from(submissions)
    .where(and(eq(submissions.userId, userId), sql`${submissions.createdAt} > now() - interval '1 day'`));
  return { ...(row ?? { inFlight: 0, lastMinute: 0 }), recentGradingMs: await selectRecentGradingMs(userId) };
}

/**
 * Grading time a student's own submissions used in the last ten minutes: the sum of their reports'
 * job times (a hidden test's own time is not stored, so the job's is what counts).
 */
export async function selectRecentGradingMs(userId: string): Promise<number> {
  const [row] = await db()
    .select({
      ms: sql<number>`coalesce(sum((${gradeReports.report} ->> 'durationMs')::float8), 0)`.mapWith(Number),
    })
    .from(gradeReports)
    .innerJoin(submissions, eq(submissions.id, gradeReports.submissionId))
    .where(and(eq(submissions.userId, userId), sql`${gradeReports.regradeRunId} is null`, sql`${gradeReports.createdAt} > now() - interval '10 minutes'`));
  return row?.ms ?? 0;
}

/**
 * When the student may see an item's scores and hidden-test results (see feedbackVisible): null if now,
 * else the (possibly extended) due date they are held until.
 */
async function selectFeedbackHeldUntil(userId: string, itemId: string | null, now = new Date()): Promise<Date | null> {
  if (!itemId) return null;
  const [item] = await db()
    .select({ feedback: assignmentItems.feedback, dueAt: assignments.dueAt, extendedDueAt: extensions.dueAt })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .leftJoin(extensions, extensionOf(userId))
    .where(eq(assignmentItems.id, itemId));
  return item && !feedbackVisible(item, now) ? (item.extendedDueAt ?? item.dueAt) : null;
}

/** What a student sees of each of their own submissions. */
const ownSubmissionColumns = {
  id: submissions.id,
  status: submissions.status,
  attempt: submissions.attempt,
  isLate: submissions.isLate,
  score: submissions.score,
  code: submissions.code,
  createdAt: submissions.createdAt,
};

/**
 * A student's own submission; null for anybody else's (ownership is part of the WHERE). While the item's
 * feedback is held until the due date, the score is null and the report keeps only the visible tests.
 */
export async function selectOwnSubmission(userId: string, submissionId: string) {
  if (!isUuid(submissionId)) return null;
  const [row] = await db()
    .select({ ...ownSubmissionColumns, itemId: submissions.itemId, exerciseId: submissions.exerciseId, gradedAt: submissions.gradedAt })
    .from(submissions)
    .where(and(eq(submissions.id, submissionId), eq(submissions.userId, userId)));
  if (!row) return null;
  // The report the score came from: a regrade's report shows only once the run is accepted.
  const [[latest], feedbackHeldUntil] = await Promise.all([
    db()
      .select({ report: gradeReports.report })
      .from(gradeReports)
      .leftJoin(regradeRuns, eq(regradeRuns.id, gradeReports.regradeRunId))
      .where(and(eq(gradeReports.submissionId, submissionId), countedReport))
      .orderBy(desc(gradeReports.run))
      .limit(1),
    selectFeedbackHeldUntil(userId, row.itemId),
  ]);
  const parsed = latest ? GradeReportSchema.safeParse(latest.report) : null;
  // Stored reports were validated when written; re-parsing guarantees hidden tests carry no values.
  const report = parsed?.success ? studentReport(parsed.data, { holdHiddenTests: Boolean(feedbackHeldUntil) }) : null;
  return { ...row, score: feedbackHeldUntil ? null : row.score, report, feedbackHeldUntil };
}

/**
 * A student's own submissions to an item, newest first, and until when its feedback is held (null: not held).
 * While it is, every score is null (see selectOwnSubmission).
 */
export async function selectOwnSubmissionsForItem(userId: string, itemId: string) {
  if (!isUuid(itemId)) return { rows: [], feedbackHeldUntil: null };
  const [rows, feedbackHeldUntil] = await Promise.all([
    db()
      .select(ownSubmissionColumns)
      .from(submissions)
      .where(and(eq(submissions.userId, userId), eq(submissions.itemId, itemId)))
      .orderBy(desc(submissions.attempt)),
    selectFeedbackHeldUntil(userId, itemId),
  ]);
  return { rows: feedbackHeldUntil ? rows.map((r) => ({ ...r, score: null })) : rows, feedbackHeldUntil };
}

/** Submissions that failed grading, or have waited longer than `stuckAfterSeconds`, in a course (staff only). */
export async function selectStuckSubmissions(actorId: string, courseId: string, stuckAfterSeconds = 120) {
  await assertCapability(actorId, courseId, 'grading.retry');
  return db()
    .select({
      id: submissions.id,
      status: submissions.status,
      attempt: submissions.attempt,
      exerciseId: submissions.exerciseId,
      studentName: users.name,
      studentEmail: users.email,
      createdAt: submissions.createdAt,
    })
    .from(submissions)
    .innerJoin(users, eq(users.id, submissions.userId))
    .innerJoin(assignmentItems, eq(assignmentItems.id, submissions.itemId))
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .where(
      and(
        eq(assignments.courseId, courseId),
        or(eq(submissions.status, 'failed'), and(inArray(submissions.status, ['queued', 'grading']), sql`${submissions.createdAt} < now() - make_interval(secs => ${stuckAfterSeconds})`)),
      ),
    )
    .orderBy(desc(submissions.createdAt))
    .limit(200);
}
