import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-db';
import { insertExercise, insertGradedSubmission, insertMember, insertQuizAttempt, quizContent } from './gradebook-fixtures';
import { db } from '@/db/client';
import { quizAnswers, quizVersions, quizzes } from '@/db/schema';
import { insertUser } from '@/db/queries/users';
import { insertCourse } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { selectExerciseAnalytics, selectQuizAnalytics, selectSimilarityInput } from '@/db/queries/analytics';
import { histogram, median, messageKey, pointBiserial } from '@/db/queries/analytics-stats';

const t0 = new Date('2026-03-01T12:00:00Z');
const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);
const MEAN = (n: number) => `shape [${n}] but expected [] — did you forget to average over the batch?`;
const pass = (id: string) => ({ id, name: `test ${id}`, passed: true });
const fail = (id: string, message: string) => ({ id, name: `test ${id}`, passed: false, message });

let drop: () => Promise<void>;
let courseId: string;
let teacher: string;
let ada: string;
let exerciseItem: string;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  teacher = (await insertUser({ email: 't@uni.test', name: 'Teacher', password: 'a long teacher pass', isAdmin: true })).id;
  courseId = (await insertCourse({ actorId: teacher, title: 'DGM', code: 'DGM' })).id;
  ada = await insertMember(courseId, 'Ada');
  const [ben, cy, dee] = [await insertMember(courseId, 'Ben'), await insertMember(courseId, 'Cy'), await insertMember(courseId, 'Dee')];
  const gus = await insertMember(courseId, 'Gus', 'grader');
  const version = await insertExercise('ex-a');
  await db().insert(quizzes).values({ id: 'qz', slug: 'qz', title: 'Quiz qz' });
  const content = quizContent('qz', [
    { id: 'q1', prompt: 'Why dequantize?', points: 1 },
    { id: 'q2', prompt: 'What is τ?', points: 2 },
  ]);
  const [{ id: quizVersion }] = await db().insert(quizVersions).values({ quizId: 'qz', contentHash: 'h', content, questionCount: 2 }).returning({ id: quizVersions.id });
  const { itemIds } = await insertAssignmentWithItems({
    courseId,
    title: 'Week 1',
    published: true,
    items: [
      { kind: 'exercise', targetId: 'ex-a', points: 10 },
      { kind: 'quiz', targetId: 'qz', points: 3 },
    ],
  });
  exerciseItem = itemIds[0];
  const sub = (userId: string, attempt: number, at: Date, score: number, tests: ReturnType<typeof pass>[]) =>
    insertGradedSubmission({ userId, itemId: exerciseItem, exerciseId: 'ex-a', versionId: version, attempt, at, score, tests, code: `// by ${userId}\n` });
  await sub(ada, 1, minutes(0), 0.5, [pass('t1'), fail('t2', MEAN(64))]);
  await sub(ada, 2, minutes(30), 1, [pass('t1'), pass('t2')]);
  await sub(ben, 1, minutes(5), 0.5, [pass('t1'), fail('t2', MEAN(32))]);
  await sub(cy, 1, minutes(7), 1, [pass('t1'), pass('t2')]);
  await sub(dee, 1, minutes(9), 0, [fail('t1', 'NaN in output'), fail('t2', MEAN(16))]);
  // Staff trying the exercise are not students.
  await sub(gus, 1, minutes(1), 0, [fail('t1', 'NaN in output'), fail('t2', 'NaN in output')]);

  // Quiz: q1 separates the two strong students from the two weak ones; everyone gets q2.
  const answer = async (userId: string, attempt: number, q1: number, review = false) => {
    const id = await insertQuizAttempt({ userId, itemId: itemIds[1], versionId: quizVersion, attempt, at: minutes(attempt), score: (q1 + 2) / 3, status: 'graded' });
    await db()
      .insert(quizAnswers)
      .values([
        { attemptId: id, questionId: 'q1', answer: 'x', autoPoints: review ? null : q1, manualPoints: review ? q1 : null, needsReview: review },
        { attemptId: id, questionId: 'q2', answer: 'y', autoPoints: 2 },
      ]);
  };
  await answer(ada, 1, 0); // superseded by her second attempt
  await answer(ada, 2, 1);
  await answer(ben, 1, 1);
  await answer(cy, 1, 0);
  await answer(dee, 1, 0, true);
  await insertQuizAttempt({ userId: gus, itemId: itemIds[1], versionId: quizVersion, attempt: 1, at: t0, score: null, status: 'in_progress' });
});

afterAll(async () => drop?.());

describe('analytics', () => {
  it('summarises an exercise: histogram, pass rate per test, common failures, attempts, time to pass', async () => {
    const [stats] = await selectExerciseAnalytics(teacher, courseId);
    expect(stats.students).toBe(4);
    expect(stats.histogram).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(stats.tests).toEqual([
      { id: 't1', name: 'test t1', passRate: 0.75, students: 4 },
      { id: 't2', name: 'test t2', passRate: 0.5, students: 4 },
    ]);
    // One message despite three different shapes; counted per student (Ada saw it once, then fixed it).
    expect(stats.failures[0]).toMatchObject({ testName: 'test t2', students: 3, share: 0.75 });
    expect(stats.failures[0].message).toMatch(/forget to average over the batch/);
    expect(stats.failures[1]).toMatchObject({ message: 'NaN in output', students: 1, share: 0.25 });
    expect(stats.medianAttempts).toBe(1);
    expect(stats).toMatchObject({ passedStudents: 2, medianMinutesToPass: 15 });
  });

  it('summarises a quiz per question on each student’s latest attempt', async () => {
    const [quiz] = await selectQuizAnalytics(teacher, courseId);
    expect(quiz.attempts).toBe(4);
    const [q1, q2] = quiz.questions;
    expect(q1).toMatchObject({ questionId: 'q1', meanFraction: 0.5, reviewShare: 0.25, answers: 4 });
    expect(q1.discrimination).toBeCloseTo(1);
    // Everyone full marks: it cannot discriminate, and says so rather than 0 or NaN.
    expect(q2).toMatchObject({ meanFraction: 1, discrimination: null, reviewShare: 0 });
  });

  it('gives the similarity check each student’s latest submission and the stub', async () => {
    const input = (await selectSimilarityInput(teacher, courseId, exerciseItem))!;
    expect(input.submissions.map((s) => s.studentName).sort()).toEqual(['Ada', 'Ben', 'Cy', 'Dee']);
    expect(input.submissions.find((s) => s.studentName === 'Ada')!.at).toEqual(minutes(30));
    expect(input.stubs).toHaveLength(1);
    expect(await selectSimilarityInput(teacher, courseId, 'not-a-uuid')).toBeNull();
  });

  it('refuses students', async () => {
    await expect(selectExerciseAnalytics(ada, courseId)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    await expect(selectQuizAnalytics(ada, courseId)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    await expect(selectSimilarityInput(ada, courseId, exerciseItem)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
  });
});

describe('analytics statistics', () => {
  it('computes medians, bins, point-biserial and message keys', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(histogram([0, 0.05, 0.1, 0.99, 1], 10)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(pointBiserial([1, 1, 0, 0], [3, 3, 2, 2])).toBeCloseTo(1);
    expect(pointBiserial([0, 1, 0, 1], [3, 3, 2, 2])).toBeCloseTo(0);
    expect(pointBiserial([1], [3])).toBeNull();
    expect(messageKey('shape [64] but got 1.5e-3')).toBe(messageKey('shape [32] but got 2'));
  });
});
