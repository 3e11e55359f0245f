import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '../client';
import { assignmentItems, assignments, extensions, quizAttempts, scoreOverrides, submissions, users } from '../schema';
import { assertCapability, selectOptionalEnrollment } from './courses';
import { isUuid } from './ids';
import { latePenalty, selectCountingSubmissions, selectCourseScores, selectOwnScores, totalPoints, type CourseScores, type ItemScore, type ScoreItem, type ScoreStudent } from './scores';

export type GradebookRow = { student: ScoreStudent; cells: ItemScore[]; total: number };
export type Gradebook = { items: ScoreItem[]; rows: GradebookRow[]; maxTotal: number };

/** Students × items in the order of `items`, with totals (an item with nothing to count adds 0). */
export async function selectGradebook(actorId: string, courseId: string): Promise<Gradebook> {
  return gradebookOf(await selectCourseScores(actorId, courseId));
}

function gradebookOf({ items, students, scores }: CourseScores): Gradebook {
  const byKey = new Map(scores.map((s) => [`${s.userId}:${s.itemId}`, s]));
  const rows = students.map((student) => {
    const cells = items.map((item) => byKey.get(`${student.userId}:${item.itemId}`)!);
    return { student, cells, total: totalPoints(cells) };
  });
  return { items, rows, maxTotal: sumPoints(items.map((i) => i.points)) };
}

const sumPoints = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10_000) / 10_000;

export type AttemptLine = { attempt: number; at: Date; status: string; score: number | null; late: boolean; penalty: number; counts: boolean };
export type OverrideLine = { newScore: number; oldScore: number | null; reason: string; comment: string | null; actorName: string | null; createdAt: Date };
export type StudentItemDetail = { item: ScoreItem; score: ItemScore; dueAt: Date | null; attempts: AttemptLine[]; overrides: OverrideLine[] };

/**
 * One student's gradebook line opened up: every attempt with its lateness, the override history with
 * reason and actor, and the score the policy settled on. Null when the user is not a student of the course.
 */
export async function selectStudentGradebook(actorId: string, courseId: string, userId: string) {
  await assertCapability(actorId, courseId, 'gradebook.view');
  if (!isUuid(userId)) return null;
  // Only this student's scores: opening one student must not cost a whole-course computation.
  if ((await selectOptionalEnrollment(userId, courseId))?.role !== 'student') return null;
  const book = gradebookOf(await selectOwnScores(userId, courseId));
  const row = book.rows.find((r) => r.student.userId === userId);
  if (!row) return null;
  const itemIds = book.items.map((i) => i.itemId);
  if (itemIds.length === 0) return { student: row.student, total: row.total, maxTotal: book.maxTotal, items: [] };
  const actor = alias(users, 'actor');
  const [dues, subs, counting, quizRows, overrides] = await Promise.all([
    db()
      .select({ itemId: assignmentItems.id, dueAt: assignments.dueAt, extendedDueAt: extensions.dueAt, perDay: assignments.latePenaltyPerDay })
      .from(assignmentItems)
      .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
      .leftJoin(extensions, and(eq(extensions.assignmentId, assignments.id), eq(extensions.userId, userId)))
      .where(inArray(assignmentItems.id, itemIds)),
    db()
      .select({ id: submissions.id, itemId: submissions.itemId, attempt: submissions.attempt, at: submissions.createdAt, status: submissions.status })
      .from(submissions)
      .where(and(eq(submissions.userId, userId), inArray(submissions.itemId, itemIds)))
      .orderBy(asc(submissions.attempt)),
    selectCountingSubmissions(itemIds, [userId]),
    db()
      .select({ itemId: quizAttempts.itemId, attempt: quizAttempts.attempt, at: quizAttempts.submittedAt, startedAt: quizAttempts.startedAt, status: quizAttempts.status, score: quizAttempts.score })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), inArray(quizAttempts.itemId, itemIds)))
      .orderBy(asc(quizAttempts.attempt)),
    db()
      .select({
        itemId: scoreOverrides.itemId,
        newScore: scoreOverrides.newScore,
        oldScore: scoreOverrides.oldScore,
        reason: scoreOverrides.reason,
        comment: scoreOverrides.comment,
        actorName: actor.name,
        createdAt: scoreOverrides.createdAt,
      })
      .from(scoreOverrides)
      .leftJoin(actor, eq(actor.id, scoreOverrides.actorId))
      .where(and(eq(scoreOverrides.courseId, courseId), eq(scoreOverrides.userId, userId), inArray(scoreOverrides.itemId, itemIds)))
      .orderBy(desc(scoreOverrides.createdAt)),
  ]);
  const countingScore = new Map(counting.map((c) => [c.submissionId, c.score]));
  const items = book.items.map((item, i): StudentItemDetail => {
    const d = dues.find((x) => x.itemId === item.itemId)!;
    const due = d.extendedDueAt ?? d.dueAt;
    const line = (attempt: number, at: Date, status: string, score: number | null, counts: boolean): AttemptLine => ({
      attempt,
      at,
      status,
      score,
      counts,
      late: due !== null && at > due,
      penalty: latePenalty(at, due, d.perDay),
    });
    const attempts =
      item.kind === 'exercise'
        ? subs.filter((s) => s.itemId === item.itemId).map((s) => line(s.attempt, s.at, s.status, countingScore.get(s.id) ?? null, countingScore.has(s.id)))
        : quizRows.filter((q) => q.itemId === item.itemId).map((q) => line(q.attempt, q.at ?? q.startedAt, q.status, q.score, q.status === 'graded'));
    return { item, score: row.cells[i], dueAt: due, attempts, overrides: overrides.filter((o) => o.itemId === item.itemId).map(overrideLine) };
  });
  return { student: row.student, total: row.total, maxTotal: book.maxTotal, items };
}

const overrideLine = (o: OverrideLine & { itemId: string }): OverrideLine => ({
  newScore: o.newScore,
  oldScore: o.oldScore,
  reason: o.reason,
  comment: o.comment,
  actorName: o.actorName,
  createdAt: o.createdAt,
});
