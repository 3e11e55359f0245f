import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-db';
import { syncContent } from '@/db/sync-content';
import { insertUser } from '@/db/queries/users';
import { insertCourse, insertEnrollmentByJoinCode } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { selectQuizAttemptForStaff } from '@/db/queries/review-queue';
import { selectQuizAnalytics } from '@/db/queries/analytics';
import { startQuizAttempt } from '@/db/services/start-quiz-attempt';
import { saveQuizAnswer } from '@/db/services/save-quiz-answer';
import { submitQuizAttempt } from '@/db/services/submit-quiz-attempt';
import { selectQuizAttemptView } from '@/db/services/quiz-attempt-view';

// Two students take the same quiz on the real database: each sees their own numbers in the variant
// questions, is graded against them (a classmate's right answer is wrong for them), and staff see each
// attempt's numbers and the answer for them.

const QUESTION = 'dequantized-bits-per-dim';
let drop: () => Promise<void>;
let teacher: string;
let courseId: string;
let item: string;
const students: string[] = [];

/** Read from the prompt the student was shown, as a person would: D and log p(y). */
function numbersShown(prompt: string): { D: number; logp: number } {
  const D = Number(/\$D = (\d+)\$/.exec(prompt)![1]);
  const logp = Number(/\\log p\(y\) = (\d+(?:\.\d+)?)\$ nats/.exec(prompt)![1]);
  return { D, logp };
}
const bitsPerDim = ({ D, logp }: { D: number; logp: number }) => (8 - logp / (D * Math.LN2)).toFixed(4);

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  await syncContent();
  teacher = (await insertUser({ email: 't@uni.test', name: 'T', password: 'a long teacher pass', isAdmin: true })).id;
  const course = await insertCourse({ actorId: teacher, title: 'DGM', code: 'DGM' });
  courseId = course.id;
  for (const name of ['ada', 'bo', 'cy', 'di']) {
    const id = (await insertUser({ email: `${name}@uni.test`, name, password: 'a long student pass' })).id;
    await insertEnrollmentByJoinCode(id, course.joinCode);
    students.push(id);
  }
  ({
    itemIds: [item],
  } = await insertAssignmentWithItems({
    courseId,
    title: 'Week 1',
    published: true,
    dueAt: new Date(Date.now() + 86_400_000),
    items: [{ kind: 'quiz', targetId: 'generative-ssl-concepts', points: 10 }],
  }));
});

afterAll(async () => drop?.());

describe('per-student variants', () => {
  it('shows each student their own numbers, the same on every load, and grades each against their own', async () => {
    const attempts = await Promise.all(students.map((userId) => startQuizAttempt({ userId, itemId: item })));
    const prompts = await Promise.all(attempts.map(async (a, i) => (await selectQuizAttemptView(students[i], a.attemptId))!.quiz.questions.find((q) => q.id === QUESTION)!.prompt));
    // Stable across reloads.
    expect((await selectQuizAttemptView(students[0], attempts[0].attemptId))!.quiz.questions.find((q) => q.id === QUESTION)!.prompt).toBe(prompts[0]);
    const numbers = prompts.map(numbersShown);
    // Four random attempts: at least two distinct variants (the grid has 1053 of them).
    const distinct = [...new Set(numbers.map((n) => JSON.stringify(n)))];
    expect(distinct.length).toBeGreaterThan(1);
    // b: a student whose own answer lies outside the tolerance (0.02 %) around a's, so a copy cannot pass.
    const apart = (n: { D: number; logp: number }) => Math.abs(Number(bitsPerDim(n)) - Number(bitsPerDim(numbers[0]))) > 0.0004 * Math.abs(Number(bitsPerDim(n)));
    const [a, b] = [0, numbers.findIndex(apart)];
    expect(b).toBeGreaterThan(0);

    // Student a answers right for their numbers; student b copies a's answer.
    await saveQuizAnswer({ userId: students[a], attemptId: attempts[a].attemptId, questionId: QUESTION, answer: bitsPerDim(numbers[a]) });
    await saveQuizAnswer({ userId: students[b], attemptId: attempts[b].attemptId, questionId: QUESTION, answer: bitsPerDim(numbers[a]) });
    await submitQuizAttempt({ userId: students[a], attemptId: attempts[a].attemptId });
    await submitQuizAttempt({ userId: students[b], attemptId: attempts[b].attemptId });
    const resultA = (await selectQuizAttemptView(students[a], attempts[a].attemptId))!.result!.questions[QUESTION];
    const resultB = (await selectQuizAttemptView(students[b], attempts[b].attemptId))!.result!.questions[QUESTION];
    expect(resultA).toMatchObject({ points: 1, correct: true });
    expect(bitsPerDim(numbers[b])).not.toBe(bitsPerDim(numbers[a]));
    expect(resultB).toMatchObject({ points: 0, correct: false });

    // Staff see each attempt's own numbers and the answer for them.
    const staffA = (await selectQuizAttemptForStaff(teacher, courseId, attempts[a].attemptId))!.questions.find((q) => q.id === QUESTION)!;
    expect(staffA.variant).toMatchObject({ params: numbers[a], prompt: prompts[a] });
    expect(staffA.variant!.expected).toMatch(/^\d+\.\d+ bits\/dim/);
    const staffB = (await selectQuizAttemptForStaff(teacher, courseId, attempts[b].attemptId))!.questions.find((q) => q.id === QUESTION)!;
    expect(staffB.variant!.params).toEqual(numbers[b]);

    // Analytics list each submitted attempt's own numbers beside its points.
    const [stats] = await selectQuizAnalytics(teacher, courseId);
    const variants = stats.questions.find((q) => q.questionId === QUESTION)!.variants!;
    expect(variants).toHaveLength(2);
    expect(variants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ params: `D = ${numbers[a].D}, logp = ${numbers[a].logp}`, points: 1 }),
        expect.objectContaining({ params: `D = ${numbers[b].D}, logp = ${numbers[b].logp}`, points: 0 }),
      ]),
    );
    expect(stats.questions.find((q) => q.questionId === 'triplet-value')!.variants).toBeUndefined();
  });

  it('sends the student no answer expression, ranges or choices', async () => {
    const { attemptId } = await startQuizAttempt({ userId: students[2], itemId: item });
    const json = JSON.stringify(await selectQuizAttemptView(students[2], attemptId));
    for (const secret of ['8 - logp', 'sqrt(1 - (1 - beta)^t)', 'exp(lv) - lv', '"params"', '"choices"', '"step"', '{{']) expect(json).not.toContain(secret);
  });
});
