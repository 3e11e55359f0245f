import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { insertExercise, insertGradedSubmission, insertMember, insertQuiz, insertQuizAttempt, reportOf } from './gradebook-fixtures';
import { db } from '@/db/client';
import { extensions, gradeReports, regradeRuns, scoreOverrides } from '@/db/schema';
import { insertUser } from '@/db/queries/users';
import { insertCourse } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { latePenalty, selectCourseScores, selectOwnScores } from '@/db/queries/scores';

const HOUR = 3_600_000;
const due = new Date('2026-03-01T12:00:00Z');
const at = (hours: number) => new Date(due.getTime() + hours * HOUR);

let drop: () => Promise<void>;
let courseId: string;
let teacher: string;
let ada: string;
let ben: string;
let grader: string;
let itemA: string;
let itemB: string;
let quizItem: string;
let versionA: string;
let versionB: string;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  teacher = (await insertUser({ email: 't@uni.test', name: 'Teacher', password: 'a long teacher pass', isAdmin: true })).id;
  courseId = (await insertCourse({ actorId: teacher, title: 'DGM', code: 'DGM' })).id;
  ada = await insertMember(courseId, 'Ada');
  ben = await insertMember(courseId, 'Ben');
  grader = await insertMember(courseId, 'Gus', 'grader');
  versionA = await insertExercise('ex-a');
  versionB = await insertExercise('ex-b');
  const quizVersion = await insertQuiz('qz');
  const { id: assignmentId, itemIds } = await insertAssignmentWithItems({
    courseId,
    title: 'Week 1',
    published: true,
    dueAt: due,
    latePenaltyPerDay: 0.1,
    items: [
      { kind: 'exercise', targetId: 'ex-a', points: 10 },
      { kind: 'exercise', targetId: 'ex-b', points: 10 },
      { kind: 'quiz', targetId: 'qz', points: 4 },
    ],
  });
  [itemA, itemB, quizItem] = itemIds;
  await insertAssignmentWithItems({ courseId, title: 'Unpublished', published: false, items: [{ kind: 'exercise', targetId: 'ex-a', points: 5 }] });

  // Ada: 25 h late on A; on B an on-time 0.6, a 25 h late 0.8 (worth 6.4) and a 49 h late 0.9 (worth 6.3).
  await insertGradedSubmission({ userId: ada, itemId: itemA, exerciseId: 'ex-a', versionId: versionA, attempt: 1, at: at(25), score: 1 });
  await insertGradedSubmission({ userId: ada, itemId: itemB, exerciseId: 'ex-b', versionId: versionB, attempt: 1, at: at(-5), score: 0.6 });
  await insertGradedSubmission({ userId: ada, itemId: itemB, exerciseId: 'ex-b', versionId: versionB, attempt: 2, at: at(25), score: 0.8 });
  await insertGradedSubmission({ userId: ada, itemId: itemB, exerciseId: 'ex-b', versionId: versionB, attempt: 3, at: at(49), score: 0.9 });
  // A crashed grading is not an attempt that counts.
  await insertGradedSubmission({ userId: ada, itemId: itemB, exerciseId: 'ex-b', versionId: versionB, attempt: 4, at: at(-1), score: 0, status: 'error' });
  await insertQuizAttempt({ userId: ada, itemId: quizItem, versionId: quizVersion, attempt: 1, at: at(-2), score: 0.75, status: 'graded' });
  await insertQuizAttempt({ userId: ada, itemId: quizItem, versionId: quizVersion, attempt: 2, at: at(-1), score: 1, status: 'needs_review' });

  // Ben: 25 h "late" but with an extension to +48 h, so on time.
  await db()
    .insert(extensions)
    .values({ assignmentId, userId: ben, dueAt: at(48), grantedBy: teacher });
  await insertGradedSubmission({ userId: ben, itemId: itemA, exerciseId: 'ex-a', versionId: versionA, attempt: 1, at: at(25), score: 1 });
  await insertGradedSubmission({ userId: ben, itemId: itemB, exerciseId: 'ex-b', versionId: versionB, attempt: 1, at: at(1), score: 0.5 });
});

afterAll(async () => drop?.());

const scoreOf = async (userId: string, itemId: string) => {
  const { scores } = await selectCourseScores(teacher, courseId);
  return scores.find((s) => s.userId === userId && s.itemId === itemId)!;
};

describe('score policy', () => {
  it('charges every started day late: 25 h at 10 %/day is 20 %', async () => {
    expect(latePenalty(at(25), due, 0.1)).toBeCloseTo(0.2);
    expect(latePenalty(at(24), due, 0.1)).toBeCloseTo(0.1);
    expect(latePenalty(at(0), due, 0.1)).toBe(0);
    expect(latePenalty(at(24 * 30), due, 0.1)).toBe(1);
    expect(await scoreOf(ada, itemA)).toMatchObject({ raw: 10, penalty: 0.2, final: 8, late: true, overridden: false, attempts: 1 });
  });

  it('measures lateness against the extension', async () => {
    expect(await scoreOf(ben, itemA)).toMatchObject({ raw: 10, penalty: 0, final: 10, late: false });
  });

  it('chooses the best attempt after the penalty, not the best raw score', async () => {
    expect(await scoreOf(ada, itemB)).toMatchObject({ raw: 8, penalty: 0.2, final: 6.4, late: true, attempts: 3 });
  });

  it('counts graded quiz attempts and flags the one waiting for review', async () => {
    expect(await scoreOf(ada, quizItem)).toMatchObject({ raw: 3, final: 3, attempts: 1, pendingReview: true });
    expect(await scoreOf(ben, quizItem)).toMatchObject({ raw: null, final: null, attempts: 0, pendingReview: false });
  });

  it('lets the latest override win, in points, and marks it', async () => {
    const base = { courseId, userId: ben, itemId: itemB, oldScore: 5, actorId: grader };
    await db()
      .insert(scoreOverrides)
      .values({ ...base, newScore: 9, reason: 'first look', createdAt: at(100) });
    await db()
      .insert(scoreOverrides)
      .values({ ...base, newScore: 7, reason: 'second look', createdAt: at(101) });
    expect(await scoreOf(ben, itemB)).toMatchObject({ raw: 5, final: 7, overridden: true });
  });

  it('ignores a regrade until it is accepted', async () => {
    const [run] = await db().insert(regradeRuns).values({ courseId, exerciseId: 'ex-a', exerciseVersionId: versionA, status: 'ready', createdBy: teacher }).returning({ id: regradeRuns.id });
    const benA = (await db().query.submissions.findFirst({ where: (s, { and, eq }) => and(eq(s.userId, ben), eq(s.itemId, itemA)) }))!;
    await db()
      .insert(gradeReports)
      .values({ submissionId: benA.id, run: 1, regradeRunId: run.id, exerciseVersionId: versionA, report: reportOf('graded', 0.5, []), score: 0.5 });
    expect((await scoreOf(ben, itemA)).final).toBe(10);
    await db().update(regradeRuns).set({ status: 'accepted' }).where(eq(regradeRuns.id, run.id));
    expect((await scoreOf(ben, itemA)).final).toBe(5);
  });

  it('lists published items only, students only, in name order', async () => {
    const { items, students, scores } = await selectCourseScores(grader, courseId);
    expect(items.map((i) => i.title)).toEqual(['Exercise ex-a', 'Exercise ex-b', 'Quiz qz']);
    expect(students.map((s) => s.name)).toEqual(['Ada', 'Ben']);
    expect(scores).toHaveLength(6);
  });
});

describe('score permissions', () => {
  it('refuses the course view to students and outsiders', async () => {
    const outsider = (await insertUser({ email: 'o@uni.test', name: 'O', password: 'a long outsider pass' })).id;
    await expect(selectCourseScores(ada, courseId)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    await expect(selectCourseScores(outsider, courseId)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    expect((await selectOwnScores(outsider, courseId)).students).toEqual([]);
  });

  it('gives a student their own scores only', async () => {
    const own = await selectOwnScores(ada, courseId);
    expect(own.students.map((s) => s.userId)).toEqual([ada]);
    expect(new Set(own.scores.map((s) => s.userId))).toEqual(new Set([ada]));
    expect(own.scores.find((s) => s.itemId === itemA)?.final).toBe(8);
  });
});
