import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { db } from '../client';
import { assignmentItems, assignments, enrollments, exercises, extensions, gradeReports, quizAttempts, quizzes, regradeRuns, scoreOverrides, submissions, users } from '../schema';
import { assertCapability } from './courses';
import { isUuid } from './ids';
import { latePenalty } from './late-penalty.shared';

/**
 * The one score policy. Every page that shows a score (gradebook, CSV, student views) reads it from here.
 *
 * For each (student, item) of a published assignment:
 * - an attempt counts once it is graded: an exercise submission whose counting grade report (the latest run
 *   that is the original grading or belongs to an accepted regrade) has status 'graded'; a quiz attempt with
 *   status 'graded' (one still in 'needs_review' does not count yet, see `pendingReview`);
 * - each counting attempt is worth score (a 0..1 fraction) × item points × (1 − penalty), where
 *   penalty = min(1, latePenaltyPerDay × ceil(hours late / 24)) against the student's effective due date
 *   (their extension if any, else the assignment's) — computed from the dates, not the stored is_late flag,
 *   so an extension granted afterwards applies retroactively;
 * - the best attempt after penalty is chosen; `raw` and `penalty` describe that attempt;
 * - the latest score_overrides row for (user, item) wins. **Override scores are in points of the item**
 *   (0..points), not fractions: it is what a grader types next to "out of 10". An override is the *item's*
 *   final score (as in Gradescope/PrairieLearn), not one attempt's: it replaces the best attempt, whichever
 *   attempt the grader was looking at, and `best` keeps what the attempts alone would give;
 * - **pending review**: a quiz attempt waiting for a human adds nothing (not even its provisional score) until it is
 *   reviewed; the item carries `pendingReview` so every page marks it the same way. Totals come from `totalPoints`.
 */
export type ItemScore = {
  userId: string;
  itemId: string;
  /** Points of the chosen attempt before the late penalty; null when no attempt counts yet. */
  raw: number | null;
  /** Fraction 0..1 taken off the chosen attempt for lateness. */
  penalty: number;
  /** Points that count: the override if any, else `best`; null = nothing to count yet (0 in totals). */
  final: number | null;
  /** Points of the best counting attempt after its late penalty, override or not; null when none counts. */
  best: number | null;
  overridden: boolean;
  /** The chosen attempt was submitted after the effective due date. */
  late: boolean;
  /** Counting attempts (graded submissions or quiz attempts). */
  attempts: number;
  /** A submitted quiz attempt is waiting for a human. */
  pendingReview: boolean;
};

export type ScoreItem = { itemId: string; assignmentId: string; assignmentTitle: string; kind: 'exercise' | 'quiz'; title: string; points: number };
export type ScoreStudent = { userId: string; name: string; email: string };
export type CourseScores = { items: ScoreItem[]; students: ScoreStudent[]; scores: ItemScore[] };

// Pure, so the exercise page can tell a student what a late submission is worth with the same rule.
export { latePenalty } from './late-penalty.shared';

// Reals times points give 6.4000000000000004; four decimals is finer than any grade.
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Staff view: every student of the course. */
export async function selectCourseScores(actorId: string, courseId: string): Promise<CourseScores> {
  await assertCapability(actorId, courseId, 'gradebook.view');
  return computeScores(courseId, null);
}

/** A member's own scores (students see their grades); empty for a non-member. */
export async function selectOwnScores(userId: string, courseId: string): Promise<CourseScores> {
  if (!isUuid(courseId)) return { items: [], students: [], scores: [] };
  return computeScores(courseId, userId);
}

async function computeScores(courseId: string, onlyUserId: string | null): Promise<CourseScores> {
  const studentFilter = onlyUserId ? eq(enrollments.userId, onlyUserId) : eq(enrollments.role, 'student');
  const [items, students] = await Promise.all([
    db()
      .select({
        itemId: assignmentItems.id,
        assignmentId: assignments.id,
        assignmentTitle: assignments.title,
        kind: assignmentItems.kind,
        title: sql<string>`coalesce(${exercises.title}, ${quizzes.title}, 'Untitled item')`,
        points: assignmentItems.points,
        dueAt: assignments.dueAt,
        perDay: assignments.latePenaltyPerDay,
      })
      .from(assignmentItems)
      .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
      .leftJoin(exercises, eq(exercises.id, assignmentItems.exerciseId))
      .leftJoin(quizzes, eq(quizzes.id, assignmentItems.quizId))
      .where(and(eq(assignments.courseId, courseId), eq(assignments.published, true)))
      .orderBy(sql`${assignments.dueAt} asc nulls last`, asc(assignments.createdAt), asc(assignmentItems.position)),
    db()
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .where(and(eq(enrollments.courseId, courseId), studentFilter))
      .orderBy(asc(users.name), asc(users.email)),
  ]);
  if (items.length === 0 || students.length === 0) return { items: items.map(publicItem), students, scores: [] };

  const itemIds = items.map((i) => i.itemId);
  const userIds = students.map((s) => s.userId);
  const [exerciseAttempts, quizRows, extensionRows, overrides] = await Promise.all([
    selectCountingSubmissions(itemIds, userIds),
    db()
      .select({
        userId: quizAttempts.userId,
        itemId: quizAttempts.itemId,
        status: quizAttempts.status,
        score: quizAttempts.score,
        at: sql<Date>`coalesce(${quizAttempts.submittedAt}, ${quizAttempts.startedAt})`.mapWith(quizAttempts.startedAt),
      })
      .from(quizAttempts)
      .where(and(inArray(quizAttempts.itemId, itemIds), inArray(quizAttempts.userId, userIds), inArray(quizAttempts.status, ['graded', 'needs_review']))),
    db()
      .select({ assignmentId: extensions.assignmentId, userId: extensions.userId, dueAt: extensions.dueAt })
      .from(extensions)
      .where(and(inArray(extensions.assignmentId, [...new Set(items.map((i) => i.assignmentId))]), inArray(extensions.userId, userIds))),
    db()
      .selectDistinctOn([scoreOverrides.userId, scoreOverrides.itemId], { userId: scoreOverrides.userId, itemId: scoreOverrides.itemId, newScore: scoreOverrides.newScore })
      .from(scoreOverrides)
      .where(and(eq(scoreOverrides.courseId, courseId), inArray(scoreOverrides.itemId, itemIds), inArray(scoreOverrides.userId, userIds)))
      .orderBy(scoreOverrides.userId, scoreOverrides.itemId, desc(scoreOverrides.createdAt)),
  ]);

  const key = (userId: string, id: string) => `${userId}:${id}`;
  const dueOf = new Map(extensionRows.map((e) => [key(e.userId, e.assignmentId), e.dueAt]));
  const overrideOf = new Map(overrides.map((o) => [key(o.userId, o.itemId), o.newScore]));
  const attemptsOf = new Map<string, { score: number; at: Date; pending: boolean }[]>();
  const quizAttemptRows = quizRows.map((q) => ({ userId: q.userId, itemId: q.itemId, score: q.score ?? 0, at: q.at, pending: q.status === 'needs_review' }));
  for (const a of [...exerciseAttempts.map((s) => ({ ...s, pending: false })), ...quizAttemptRows]) {
    const k = key(a.userId, a.itemId);
    const list = attemptsOf.get(k);
    if (list) list.push(a);
    else attemptsOf.set(k, [a]);
  }

  const scores: ItemScore[] = [];
  for (const student of students) {
    for (const item of items) {
      const due = dueOf.get(key(student.userId, item.assignmentId)) ?? item.dueAt;
      const all = attemptsOf.get(key(student.userId, item.itemId)) ?? [];
      let best: { raw: number; penalty: number; worth: number; late: boolean } | null = null;
      for (const attempt of all.filter((a) => !a.pending)) {
        const penalty = latePenalty(attempt.at, due, item.perDay);
        const raw = attempt.score * item.points;
        const worth = raw * (1 - penalty);
        if (!best || worth > best.worth) best = { raw, penalty, worth, late: Boolean(due && attempt.at > due) };
      }
      const override = overrideOf.get(key(student.userId, item.itemId));
      scores.push({
        userId: student.userId,
        itemId: item.itemId,
        raw: best ? round(best.raw) : null,
        penalty: best ? round(best.penalty) : 0,
        final: override !== undefined ? round(override) : best ? round(best.worth) : null,
        best: best ? round(best.worth) : null,
        overridden: override !== undefined,
        late: best?.late ?? false,
        attempts: all.filter((a) => !a.pending).length,
        pendingReview: all.some((a) => a.pending),
      });
    }
  }
  return { items: items.map(publicItem), students, scores };
}

/** The points a set of items adds up to: each item's final score; nothing counted yet (or only pending review) adds 0. */
export function totalPoints(scores: readonly Pick<ItemScore, 'final'>[]): number {
  return round(scores.reduce((sum, s) => sum + (s.final ?? 0), 0));
}

/** One student's score on one item, for the staff override form (current final and best attempt). */
export async function selectItemScoreForStaff(actorId: string, courseId: string, userId: string, itemId: string): Promise<ItemScore | null> {
  await assertCapability(actorId, courseId, 'submissions.view-all');
  if (!isUuid(userId) || !isUuid(itemId)) return null;
  return (await computeScores(courseId, userId)).scores.find((s) => s.itemId === itemId) ?? null;
}

/** The member's own score on one item (the final-score note on the item page compares it with the best attempt). */
export async function selectOwnItemScore(userId: string, courseId: string, itemId: string): Promise<ItemScore | null> {
  return (await selectOwnScores(userId, courseId)).scores.find((s) => s.itemId === itemId) ?? null;
}

const publicItem = ({ itemId, assignmentId, assignmentTitle, kind, title, points }: ScoreItem): ScoreItem => ({ itemId, assignmentId, assignmentTitle, kind, title, points });

/**
 * The report of a run that counts: the original grading, or a regrade the instructor accepted.
 * Use with `.leftJoin(regradeRuns, eq(regradeRuns.id, gradeReports.regradeRunId))`.
 */
export const isCountingReport = or(isNull(gradeReports.regradeRunId), eq(regradeRuns.status, 'accepted'));

/**
 * Graded submissions with the score of the run that counts: the latest report that is the original
 * grading or part of an accepted regrade (a pending regrade changes no score).
 */
export async function selectCountingSubmissions(itemIds: string[], userIds: string[]) {
  const rows = await db()
    .selectDistinctOn([gradeReports.submissionId], {
      submissionId: gradeReports.submissionId,
      userId: submissions.userId,
      itemId: sql<string>`${submissions.itemId}`,
      at: submissions.createdAt,
      score: gradeReports.score,
      status: sql<string>`${gradeReports.report}->>'status'`,
    })
    .from(gradeReports)
    .innerJoin(submissions, eq(submissions.id, gradeReports.submissionId))
    .leftJoin(regradeRuns, eq(regradeRuns.id, gradeReports.regradeRunId))
    .where(and(inArray(submissions.itemId, itemIds), inArray(submissions.userId, userIds), isCountingReport))
    .orderBy(gradeReports.submissionId, desc(gradeReports.run));
  return rows.filter((r) => r.status === 'graded');
}
