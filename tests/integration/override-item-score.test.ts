import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-db';
import { insertExercise, insertGradedSubmission, insertMember, insertQuiz, insertQuizAttempt } from './gradebook-fixtures';
import { insertUser } from '@/db/queries/users';
import { insertCourse } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { selectGradebook } from '@/db/queries/gradebook';
import { selectItemScoreForStaff, selectOwnItemScore, selectOwnScores, totalPoints } from '@/db/queries/scores';
import { selectOwnFinalScores } from '@/db/queries/student-feedback';
import { overrideScore } from '@/db/services/override-score';

// The case: attempt 1 scored 80 %, attempt 2 scored 100 % on a 10-point item; a TA opens attempt 1 and types 9.
let drop: () => Promise<void>;
let courseId: string;
let ada: string;
let grader: string;
let exerciseItem: string;
let quizItem: string;
let olderAttempt: string;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  const teacher = (await insertUser({ email: 't@uni.test', name: 'Teacher', password: 'a long teacher pass', isAdmin: true })).id;
  courseId = (await insertCourse({ actorId: teacher, title: 'DGM', code: 'DGM' })).id;
  ada = await insertMember(courseId, 'Ada');
  grader = await insertMember(courseId, 'Gus', 'grader');
  const version = await insertExercise('ex-a');
  const quizVersion = await insertQuiz('qz');
  ({
    itemIds: [exerciseItem, quizItem],
  } = await insertAssignmentWithItems({
    courseId,
    title: 'Week 1',
    published: true,
    items: [
      { kind: 'exercise', targetId: 'ex-a', points: 10 },
      { kind: 'quiz', targetId: 'qz', points: 4 },
    ],
  }));
  const t = new Date('2026-03-01T12:00:00Z');
  olderAttempt = await insertGradedSubmission({ userId: ada, itemId: exerciseItem, exerciseId: 'ex-a', versionId: version, attempt: 1, at: t, score: 0.8 });
  await insertGradedSubmission({ userId: ada, itemId: exerciseItem, exerciseId: 'ex-a', versionId: version, attempt: 2, at: new Date(t.getTime() + 60_000), score: 1 });
  // A quiz attempt waiting for a grader, with a provisional 50 % (2 of 4 points).
  await insertQuizAttempt({ userId: ada, itemId: quizItem, versionId: quizVersion, attempt: 1, at: t, score: 0.5, status: 'needs_review' });
});

afterAll(async () => drop?.());

describe('an override sets the item’s final score', () => {
  it('shows staff the best attempt the override would replace', async () => {
    expect(await selectItemScoreForStaff(grader, courseId, ada, exerciseItem)).toMatchObject({ final: 10, best: 10, overridden: false });
    await expect(selectItemScoreForStaff(ada, courseId, ada, exerciseItem)).rejects.toThrow(/permission/);
  });

  it('refuses, unconfirmed, a score below the best attempt even when made from an older attempt', async () => {
    const refused = overrideScore({ actorId: grader, courseId, target: { kind: 'submission', id: olderAttempt }, newScore: 9, reason: 'Second look at attempt 1' });
    await expect(refused).rejects.toMatchObject({ name: 'Refusal', code: 'needs-confirmation' });
    expect((await selectOwnItemScore(ada, courseId, exerciseItem))?.final).toBe(10);
  });

  it('lowers the item once confirmed; the student sees the final score next to the best attempt', async () => {
    const { oldScore } = await overrideScore({
      actorId: grader,
      courseId,
      target: { kind: 'submission', id: olderAttempt },
      newScore: 9,
      reason: 'Plagiarised helper',
      comment: 'One case copied',
      confirmLower: true,
    });
    expect(oldScore).toBe(10);
    expect(await selectOwnItemScore(ada, courseId, exerciseItem)).toMatchObject({ final: 9, best: 10, overridden: true });
    expect((await selectOwnFinalScores(ada, [exerciseItem])).get(exerciseItem)).toMatchObject({ score: 9, comment: 'One case copied' });
  });

  it('needs no confirmation for a score at or above the best attempt', async () => {
    await overrideScore({ actorId: grader, courseId, target: { kind: 'submission', id: olderAttempt }, newScore: 10, reason: 'Restored after appeal' });
    expect(await selectOwnItemScore(ada, courseId, exerciseItem)).toMatchObject({ final: 10, best: 10, overridden: true });
  });
});

describe('pending review, one rule for the student and the gradebook', () => {
  it('counts nothing for a quiz attempt waiting for review, and marks it', async () => {
    const own = await selectOwnScores(ada, courseId);
    expect(own.scores.find((s) => s.itemId === quizItem)).toMatchObject({ final: null, pendingReview: true, attempts: 0 });
  });

  it('gives the student the same total as the gradebook row, without the provisional 2 points', async () => {
    const own = await selectOwnScores(ada, courseId);
    const row = (await selectGradebook(grader, courseId)).rows.find((r) => r.student.userId === ada)!;
    expect(totalPoints(own.scores)).toBe(10);
    expect(row.total).toBe(totalPoints(own.scores));
  });
});
