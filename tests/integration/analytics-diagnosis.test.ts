import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from './test-db';
import { insertExercise, insertGradedSubmission, insertMember } from './gradebook-fixtures';
import { insertUser } from '@/db/queries/users';
import { insertCourse } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { selectExerciseAnalytics } from '@/db/queries/analytics';

let drop: () => Promise<void>;
let teacher: string;
let courseId: string;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  teacher = (await insertUser({ email: 't@uni.test', name: 'Teacher', password: 'a long teacher pass', isAdmin: true })).id;
  courseId = (await insertCourse({ actorId: teacher, title: 'DGM', code: 'DGM' })).id;
  const version = await insertExercise('ex-d');
  const { itemIds } = await insertAssignmentWithItems({ courseId, title: 'Week 1', published: true, items: [{ kind: 'exercise', targetId: 'ex-d', points: 10 }] });
  const students = await Promise.all(['Ada', 'Ben', 'Cy', 'Dee', 'Eve'].map((name) => insertMember(courseId, name)));
  const fail = (id: string, message: string) => ({ id, name: `test ${id}`, passed: false, message });
  const sub = (userId: string, attempt: number, tests: ReturnType<typeof fail>[], diagnosis?: Parameters<typeof insertGradedSubmission>[0]['diagnosis']) =>
    insertGradedSubmission({ userId, itemId: itemIds[0], exerciseId: 'ex-d', versionId: version, attempt, at: new Date(2026, 2, 1, 12, attempt), score: 0.4, tests, diagnosis });
  // Different inputs disposed, different tests failing: one mistake. Ada made it twice.
  await sub(students[0], 1, [fail('grad', 'gradient check: Tensor is disposed')], { id: 'disposed-input', message: 'your function disposed `anchor`; …', source: 'engine' });
  await sub(students[0], 2, [fail('value', 'output: got 2 but expected 1')], { id: 'disposed-input', message: 'your function disposed `positive`; …', source: 'engine' });
  await sub(students[1], 1, [fail('grad', 'gradient check: Tensor is disposed')], { id: 'disposed-input', message: 'your function disposed `negative`; …', source: 'engine' });
  await sub(students[2], 1, [fail('value', 'output: got 2.75 but expected 1.375')], { id: 'sum-not-mean', message: 'this is the sum over the batch: take the mean instead', source: 'mistake' });
  // A report from before diagnoses existed is still grouped by test and message.
  await sub(students[3], 1, [fail('value', 'output: got 9 but expected 1')]);
});

afterAll(async () => drop?.());

it('groups the most common failures by diagnosis: "40 % disposed their inputs"', async () => {
  const [stats] = await selectExerciseAnalytics(teacher, courseId);
  expect(stats.students).toBe(4);
  expect(stats.failures).toHaveLength(3);
  expect(stats.failures[0]).toEqual({ message: 'disposed their inputs', testName: null, students: 2, share: 0.5 });
  // Ties in any order.
  expect(stats.failures.slice(1)).toEqual(
    expect.arrayContaining([
      { message: 'this is the sum over the batch: take the mean instead', testName: null, students: 1, share: 0.25 },
      { message: 'output: got 9 but expected 1', testName: 'test value', students: 1, share: 0.25 },
    ]),
  );
});
