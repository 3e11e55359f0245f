import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { db } from '../client';
import { assignmentItems, assignments, exercises, gradeReports, quizAttempts, quizzes, regradeRuns, submissions, users } from '../schema';
import { assertCapability } from './courses';
import { isUuid } from './ids';

// The staff submissions browser. Filters, sort and paging all run in SQL: a course may hold tens of
// thousands of submissions. Course scoping goes through the (few) item ids of the course, so the
// item filter and the course filter both use the submissions_item_created_idx index.

export const BROWSER_KINDS = ['exercise', 'quiz'] as const;
export const BROWSER_STATUSES = ['graded', 'needs_review', 'pending', 'failed', 'late'] as const;
export const BROWSER_SORTS = ['newest', 'oldest', 'score_desc', 'score_asc'] as const;
export const PAGE_SIZE = 50;

export type BrowserFilter = {
  kind: (typeof BROWSER_KINDS)[number];
  assignmentId?: string;
  itemId?: string;
  /** Part of the student's name or e-mail. */
  student?: string;
  status?: (typeof BROWSER_STATUSES)[number];
  sort: (typeof BROWSER_SORTS)[number];
  /** 1-based. */
  page: number;
};

export type BrowserRow = {
  id: string;
  kind: 'exercise' | 'quiz';
  itemId: string;
  itemTitle: string;
  studentName: string;
  studentEmail: string;
  attempt: number;
  status: string;
  score: number | null;
  isLate: boolean;
  createdAt: Date;
};

/** The course's items, for the filter menus and the course scoping of the browser. */
export async function selectCourseItemsForStaff(actorId: string, courseId: string) {
  await assertCapability(actorId, courseId, 'submissions.view-all');
  return db()
    .select({
      itemId: assignmentItems.id,
      kind: assignmentItems.kind,
      assignmentId: assignments.id,
      assignmentTitle: assignments.title,
      title: sql<string>`coalesce(${exercises.title}, ${quizzes.title}, 'Untitled item')`,
      points: assignmentItems.points,
    })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .leftJoin(exercises, eq(exercises.id, assignmentItems.exerciseId))
    .leftJoin(quizzes, eq(quizzes.id, assignmentItems.quizId))
    .where(eq(assignments.courseId, courseId))
    .orderBy(asc(assignments.createdAt), asc(assignmentItems.position));
}

export async function selectSubmissionsPage(actorId: string, courseId: string, filter: BrowserFilter): Promise<{ rows: BrowserRow[]; total: number }> {
  const items = await selectCourseItemsForStaff(actorId, courseId);
  const scoped = items.filter((i) => i.kind === filter.kind && (!filter.assignmentId || i.assignmentId === filter.assignmentId) && (!filter.itemId || i.itemId === filter.itemId));
  if (scoped.length === 0) return { rows: [], total: 0 };
  const titles = new Map(scoped.map((i) => [i.itemId, i.title]));
  const t = filter.kind === 'exercise' ? exerciseColumns() : quizColumns();
  const where = and(inArray(t.itemId, [...titles.keys()]), ...conditions(filter, t));
  const order = {
    newest: [desc(t.createdAt), desc(t.id)],
    oldest: [asc(t.createdAt), asc(t.id)],
    score_desc: [sql`${t.score} desc nulls last`, desc(t.id)],
    score_asc: [sql`${t.score} asc nulls last`, asc(t.id)],
  }[filter.sort];
  const [rows, [counted]] = await Promise.all([
    db()
      .select({ id: t.id, itemId: t.itemId, studentName: users.name, studentEmail: users.email, attempt: t.attempt, status: t.status, score: t.score, isLate: t.isLate, createdAt: t.createdAt })
      .from(t.table)
      .innerJoin(users, eq(users.id, t.userId))
      .where(where)
      .orderBy(...order)
      .limit(PAGE_SIZE)
      .offset((Math.max(1, filter.page) - 1) * PAGE_SIZE),
    // Join users only when the student filter needs them: the count then reads one table.
    filter.student?.trim()
      ? db()
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(t.table)
          .innerJoin(users, eq(users.id, t.userId))
          .where(where)
      : db()
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(t.table)
          .where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, itemId: r.itemId!, kind: filter.kind, status: String(r.status), itemTitle: titles.get(r.itemId!) ?? '' })),
    total: counted?.n ?? 0,
  };
}

type Columns = ReturnType<typeof exerciseColumns> | ReturnType<typeof quizColumns>;

function exerciseColumns() {
  const s = submissions;
  return { table: s, id: s.id, itemId: s.itemId, userId: s.userId, attempt: s.attempt, status: s.status, score: s.score, isLate: s.isLate, createdAt: s.createdAt };
}

function quizColumns() {
  const q = quizAttempts;
  return { table: q, id: q.id, itemId: q.itemId, userId: q.userId, attempt: q.attempt, status: q.status, score: q.score, isLate: q.isLate, createdAt: q.startedAt };
}

function conditions(filter: BrowserFilter, t: Columns): SQL[] {
  const out: SQL[] = [];
  // An attempt still being answered is the student's, not yet something to browse.
  if (filter.kind === 'quiz') out.push(sql`${t.status} <> 'in_progress'`);
  if (filter.student?.trim()) {
    const pattern = `%${filter.student.trim().replace(/[\\%_]/g, '\\$&')}%`;
    out.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  const status = filter.status;
  if (status === 'late') out.push(eq(t.isLate, true));
  // As text: the two tables' status enums differ, and comparing an enum with a label it lacks is an error.
  else if (status === 'graded') out.push(sql`${t.status}::text = 'graded'`);
  else if (status === 'needs_review') out.push(sql`${t.status}::text = 'needs_review'`);
  else if (status === 'pending') out.push(sql`${t.status}::text in ('queued', 'grading', 'submitted')`);
  else if (status === 'failed') out.push(sql`${t.status}::text in ('failed', 'error')`);
  return out;
}

/**
 * One submission in the course with what only staff may see: the full report, hidden tests included,
 * and the student's other attempts at the item (for history and diffs). Null outside the course.
 */
export async function selectSubmissionForStaff(actorId: string, courseId: string, submissionId: string) {
  await assertCapability(actorId, courseId, 'submissions.view-all');
  if (!isUuid(submissionId)) return null;
  const [row] = await db()
    .select({
      id: submissions.id,
      userId: submissions.userId,
      itemId: assignmentItems.id,
      itemPoints: assignmentItems.points,
      exerciseTitle: exercises.title,
      assignmentTitle: assignments.title,
      studentName: users.name,
      studentEmail: users.email,
      attempt: submissions.attempt,
      status: submissions.status,
      score: submissions.score,
      isLate: submissions.isLate,
      code: submissions.code,
      createdAt: submissions.createdAt,
    })
    .from(submissions)
    .innerJoin(assignmentItems, eq(assignmentItems.id, submissions.itemId))
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .innerJoin(exercises, eq(exercises.id, submissions.exerciseId))
    .innerJoin(users, eq(users.id, submissions.userId))
    .where(and(eq(submissions.id, submissionId), eq(assignments.courseId, courseId)));
  if (!row) return null;
  const [reports, history] = await Promise.all([
    db()
      .select({ report: gradeReports.report })
      .from(gradeReports)
      .leftJoin(regradeRuns, eq(regradeRuns.id, gradeReports.regradeRunId))
      // A regrade's report counts only once the instructor accepted the run.
      .where(and(eq(gradeReports.submissionId, submissionId), or(isNull(gradeReports.regradeRunId), eq(regradeRuns.status, 'accepted'))))
      .orderBy(desc(gradeReports.run))
      .limit(1),
    db()
      .select({
        id: submissions.id,
        attempt: submissions.attempt,
        status: submissions.status,
        score: submissions.score,
        isLate: submissions.isLate,
        code: submissions.code,
        createdAt: submissions.createdAt,
      })
      .from(submissions)
      .where(and(eq(submissions.userId, row.userId), eq(submissions.itemId, row.itemId)))
      .orderBy(desc(submissions.attempt)),
  ]);
  return { ...row, report: reports[0]?.report ?? null, history };
}
