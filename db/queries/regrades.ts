import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '../client';
import { assignmentItems, assignments, exercises, exerciseVersions, gradeReports, regradeRuns, submissions, users } from '../schema';
import { assertCapability } from './courses';
import { isUuid } from './ids';

/** Marks a regrade report that only copies the old result because the sandbox crashed on every retry. */
export const REGRADE_CRASHED = 'regradeCrashed';

/** A report counts toward the submission's result unless it belongs to a regrade not (yet) accepted. */
export const countedReport = or(isNull(gradeReports.regradeRunId), eq(regradeRuns.status, 'accepted'));

/** What a grading job needs of an exercise version: the submission's own, or a regrade run's. */
export const versionForGrading = {
  exerciseId: exerciseVersions.exerciseId,
  contentHash: exerciseVersions.contentHash,
  meta: exerciseVersions.meta,
  statement: exerciseVersions.statement,
  stub: exerciseVersions.stub,
  reference: exerciseVersions.reference,
  tests: exerciseVersions.tests,
};

/** The version a regrade job grades against; null once the run is no longer running (discarded). */
export async function selectRegradeVersion(runId: string) {
  const [row] = await db()
    .select(versionForGrading)
    .from(regradeRuns)
    .innerJoin(exerciseVersions, eq(exerciseVersions.id, regradeRuns.exerciseVersionId))
    .where(and(eq(regradeRuns.id, runId), eq(regradeRuns.status, 'running')));
  return row ?? null;
}

/** Exercises used by the course's assignments, each once, for the "start a regrade" form (staff only). */
export async function selectCourseExercises(actorId: string, courseId: string) {
  await assertCapability(actorId, courseId, 'regrade.run');
  return db()
    .selectDistinct({ id: exercises.id, title: exercises.title })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .innerJoin(exercises, eq(exercises.id, assignmentItems.exerciseId))
    .where(eq(assignments.courseId, courseId))
    .orderBy(asc(exercises.title));
}

const creators = alias(users, 'creators');
const reportsWritten = sql<number>`(select count(*) from ${gradeReports} where ${gradeReports.regradeRunId} = ${regradeRuns.id})`.mapWith(Number);

/** The course's latest regrade runs with their progress (reports written of total), newest first (staff only). */
export async function selectRegradeRuns(actorId: string, courseId: string, limit = 10) {
  await assertCapability(actorId, courseId, 'regrade.run');
  return db()
    .select({
      id: regradeRuns.id,
      exerciseId: regradeRuns.exerciseId,
      exerciseTitle: exercises.title,
      versionHash: exerciseVersions.contentHash,
      studentName: users.name,
      createdByName: creators.name,
      status: regradeRuns.status,
      total: regradeRuns.total,
      done: reportsWritten,
      createdAt: regradeRuns.createdAt,
    })
    .from(regradeRuns)
    .innerJoin(exercises, eq(exercises.id, regradeRuns.exerciseId))
    .innerJoin(exerciseVersions, eq(exerciseVersions.id, regradeRuns.exerciseVersionId))
    .leftJoin(users, eq(users.id, regradeRuns.userId))
    .leftJoin(creators, eq(creators.id, regradeRuns.createdBy))
    .where(eq(regradeRuns.courseId, courseId))
    .orderBy(desc(regradeRuns.createdAt))
    .limit(limit);
}

// The score the submission had before this run: its latest counted report from an earlier run.
// Read from the reports, not submissions.score, so an accepted run still shows what it changed.
const scoreBefore = sql<number | null>`(select e.score from grade_reports e left join regrade_runs er on er.id = e.regrade_run_id
  where e.submission_id = ${gradeReports.submissionId} and e.run < ${gradeReports.run}
    and (e.regrade_run_id is null or er.status = 'accepted')
  order by e.run desc limit 1)`.mapWith((value) => (value === null ? null : Number(value)));

/** Per-submission score before and after a run of the course (staff only). */
export async function selectRegradeResults(actorId: string, courseId: string, runId: string) {
  await assertCapability(actorId, courseId, 'regrade.run');
  if (!isUuid(runId)) return [];
  return db()
    .select({
      submissionId: submissions.id,
      studentName: users.name,
      attempt: submissions.attempt,
      oldScore: scoreBefore,
      newScore: gradeReports.score,
      crashed: sql<boolean>`coalesce((${gradeReports.report}->>${REGRADE_CRASHED})::boolean, false)`,
    })
    .from(gradeReports)
    .innerJoin(regradeRuns, eq(regradeRuns.id, gradeReports.regradeRunId))
    .innerJoin(submissions, eq(submissions.id, gradeReports.submissionId))
    .innerJoin(users, eq(users.id, submissions.userId))
    .where(and(eq(gradeReports.regradeRunId, runId), eq(regradeRuns.courseId, courseId)))
    .orderBy(asc(users.name), asc(submissions.attempt));
}

export type RegradeResult = Awaited<ReturnType<typeof selectRegradeResults>>[number];
export type RegradeChange = Omit<RegradeResult, 'crashed'> & { delta: number };

// Scores are stored as real (float4): smaller differences are rounding, not a change.
const EPSILON = 1e-6;
// Delta buckets in percentage points, for the histogram on the regrades page.
const BUCKETS = [
  { label: '≤ −50', max: -0.5 },
  { label: '−50 to −10', max: -0.1 },
  { label: '−10 to 0', max: -EPSILON },
  { label: '0 to +10', max: 0.1 },
  { label: '+10 to +50', max: 0.5 },
  { label: '≥ +50', max: Infinity },
] as const;

/** How many scores a run changes, which way and by how much. */
export function summarizeRegrade(results: RegradeResult[]) {
  const changes: RegradeChange[] = [];
  let crashed = 0;
  for (const { crashed: isCrash, ...result } of results) {
    if (isCrash) crashed++;
    else if (Math.abs(result.newScore - (result.oldScore ?? 0)) > EPSILON) changes.push({ ...result, delta: result.newScore - (result.oldScore ?? 0) });
  }
  const deltas = changes.map((c) => c.delta);
  return {
    regraded: results.length - crashed,
    crashed,
    changed: changes.length,
    up: deltas.filter((d) => d > 0).length,
    down: deltas.filter((d) => d < 0).length,
    meanChange: deltas.length ? deltas.reduce((sum, d) => sum + d, 0) / deltas.length : 0,
    maxAbsChange: deltas.reduce((max, d) => Math.max(max, Math.abs(d)), 0),
    histogram: BUCKETS.map((bucket, i) => ({
      label: bucket.label,
      count: deltas.filter((d) => d <= bucket.max && (i === 0 || d > BUCKETS[i - 1].max)).length,
    })),
    changes: changes.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)),
  };
}
