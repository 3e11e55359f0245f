import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-db';
import { syncContent } from '@/db/sync-content';
import { insertUser } from '@/db/queries/users';
import { insertCourse, insertEnrollmentByJoinCode } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { selectOwnQuizAnswers, selectOwnQuizAttempts } from '@/db/queries/quizzes';
import { startQuizAttempt } from '@/db/services/start-quiz-attempt';
import { saveQuizAnswer } from '@/db/services/save-quiz-answer';
import { submitQuizAttempt } from '@/db/services/submit-quiz-attempt';
import { selectQuizAttemptView } from '@/db/services/quiz-attempt-view';
import { loadQuiz } from '@/graders/quiz/load';
import type { Quiz } from '@/graders/quiz/schema';
import { assignmentItems } from '@/db/schema';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '@/db/client';

const QUIZ = 'generative-ssl-concepts';
const DAY = 86_400_000;
// Routed to review by the scorer (labelled fixture): credits the density reason only, with low confidence.
const UNSURE_SHORT = 'Flows model continuous densities, and image data is discrete, so we need to fix that mismatch.';

let drop: () => Promise<void>;
let handle: DbHandle;
let quiz: Quiz;
let student: string;
let classmate: string;
let outsider: string;
let item: string;
let afterDueItem: string;
let hiddenItem: string;

beforeAll(async () => {
  ({ drop, handle } = await createTestDatabase());
  const sync = await syncContent();
  expect(sync.quizzes.map((q) => q.slug)).toContain(QUIZ);
  quiz = (await loadQuiz(`exercises/quizzes/${QUIZ}.json`)).quiz;
  const teacher = await insertUser({ email: 't@uni.test', name: 'T', password: 'a long teacher pass', isAdmin: true });
  student = (await insertUser({ email: 's@uni.test', name: 'S', password: 'a long student pass' })).id;
  classmate = (await insertUser({ email: 'c@uni.test', name: 'C', password: 'a long student pass' })).id;
  outsider = (await insertUser({ email: 'o@uni.test', name: 'O', password: 'a long student pass' })).id;
  const course = await insertCourse({ actorId: teacher.id, title: 'DGM', code: 'DGM' });
  await insertEnrollmentByJoinCode(student, course.joinCode);
  await insertEnrollmentByJoinCode(classmate, course.joinCode);
  const dueAt = new Date(Date.now() + DAY);
  ({
    itemIds: [item, afterDueItem],
  } = await insertAssignmentWithItems({
    courseId: course.id,
    title: 'Week 1',
    published: true,
    dueAt,
    items: [
      { kind: 'quiz', targetId: QUIZ, points: 10, maxAttempts: 2 },
      { kind: 'quiz', targetId: QUIZ, points: 10 },
    ],
  }));
  await handle.db.update(assignmentItems).set({ feedback: 'after_due' }).where(eq(assignmentItems.id, afterDueItem));
  ({
    itemIds: [hiddenItem],
  } = await insertAssignmentWithItems({ courseId: course.id, title: 'Draft', published: false, items: [{ kind: 'quiz', targetId: QUIZ, points: 5 }] }));
});

afterAll(async () => drop?.());

const question = (id: string) => quiz.questions.find((q) => q.id === id)!;
const correctOptions = (id: string) => {
  const q = question(id);
  return q.type === 'single' || q.type === 'multiple' ? q.options.filter((o) => o.correct).map((o) => o.id) : [];
};
const wrongOption = (id: string) => {
  const q = question(id);
  return q.type === 'single' || q.type === 'multiple' ? q.options.find((o) => !o.correct)!.id : '';
};

describe('quiz attempts', () => {
  it('syncs the quiz once per content hash', async () => {
    const again = await syncContent();
    expect(again.quizzes.find((q) => q.slug === QUIZ)?.created).toBe(false);
  });

  it('starts one attempt, resumes it on the next start, and keeps its option order', async () => {
    const first = await startQuizAttempt({ userId: student, itemId: item });
    const second = await startQuizAttempt({ userId: student, itemId: item });
    expect(first).toMatchObject({ attempt: 1, resumed: false });
    expect(second).toEqual({ ...first, resumed: true });
    const a = await selectQuizAttemptView(student, first.attemptId);
    const b = await selectQuizAttemptView(student, first.attemptId);
    expect(a!.quiz.questions.length).toBe(quiz.questions.length);
    expect(b!.quiz).toEqual(a!.quiz);
  });

  it('sends the student nothing that grades: no model answers, rubric phrasings, correct flags or tolerances', async () => {
    const { attemptId } = await startQuizAttempt({ userId: student, itemId: item });
    const json = JSON.stringify(await selectQuizAttemptView(student, attemptId));
    for (const q of quiz.questions) {
      if (q.type === 'short') {
        expect(json).not.toContain(q.modelAnswer.slice(0, 60));
        expect(json).not.toContain(JSON.stringify(q.rubric[0].phrasings[0]));
      }
    }
    expect(json).not.toMatch(/"(correct|modelAnswer|rubric|phrasings|absTol|relTol|answer|misconceptions)":/);
  });

  it('autosaves answers, overwriting earlier drafts, and refuses options and questions that do not exist', async () => {
    const { attemptId } = await startQuizAttempt({ userId: student, itemId: item });
    await saveQuizAnswer({ userId: student, attemptId, questionId: 'triplet-value', answer: '0.5' });
    await saveQuizAnswer({ userId: student, attemptId, questionId: 'triplet-value', answer: '0.2' });
    await saveQuizAnswer({ userId: student, attemptId, questionId: 'ssl-purpose', answer: correctOptions('ssl-purpose') });
    const view = await selectQuizAttemptView(student, attemptId);
    expect(view!.answers).toEqual({ 'triplet-value': '0.2', 'ssl-purpose': correctOptions('ssl-purpose') });
    expect(view!.result).toBeNull();
    await expect(saveQuizAnswer({ userId: student, attemptId, questionId: 'ssl-pretext-choice', answer: 'made-up' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(saveQuizAnswer({ userId: student, attemptId, questionId: 'no-such-question', answer: 'x' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(saveQuizAnswer({ userId: student, attemptId, questionId: 'ssl-idea', answer: 'x'.repeat(5000) })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('keeps another student out of the attempt: no reading, no writing, no submitting', async () => {
    const { attemptId } = await startQuizAttempt({ userId: student, itemId: item });
    expect(await selectQuizAttemptView(classmate, attemptId)).toBeNull();
    expect(await selectOwnQuizAnswers(classmate, attemptId)).toEqual([]);
    await expect(saveQuizAnswer({ userId: classmate, attemptId, questionId: 'triplet-value', answer: '9' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(submitQuizAttempt({ userId: classmate, attemptId })).rejects.toMatchObject({ code: 'not-found' });
    await expect(startQuizAttempt({ userId: outsider, itemId: item })).rejects.toMatchObject({ code: 'not-found' });
    await expect(startQuizAttempt({ userId: student, itemId: hiddenItem })).rejects.toMatchObject({ code: 'not-found' });
    expect((await selectQuizAttemptView(student, attemptId))!.answers['triplet-value']).toBe('0.2');
  });

  it('scores on submit, stores every answer, and routes an unsure short answer to review', async () => {
    const { attemptId } = await startQuizAttempt({ userId: student, itemId: item });
    const save = (questionId: string, answer: unknown) => saveQuizAnswer({ userId: student, attemptId, questionId, answer });
    await save('ssl-pretext-choice', correctOptions('ssl-pretext-choice')[0]);
    await save('dequantization-without', wrongOption('dequantization-without'));
    await save('triplet-formula', 'max(0, m + dAP - dAN)');
    await save('dequantization-idea', UNSURE_SHORT);
    await save('ssl-idea', 'The model learns useful representations from data without labels.');

    const result = await submitQuizAttempt({ userId: student, attemptId });
    expect(result).toMatchObject({ status: 'needs_review', reviewCount: 1, isLate: false });
    // ssl-purpose 2 + triplet-value 1 + pretext 1 + formula 2 + unsure short 1 (suggested) + ssl-idea 2.
    expect(result.points).toBe(9);

    const stored = new Map((await selectOwnQuizAnswers(student, attemptId)).map((a) => [a.questionId, a]));
    expect(stored.get('dequantization-without')).toMatchObject({ autoPoints: 0, needsReview: false });
    expect(stored.get('triplet-formula')).toMatchObject({ autoPoints: 2, autoConfidence: 1 });
    const unsure = stored.get('dequantization-idea')!;
    expect(unsure).toMatchObject({ autoPoints: 1, needsReview: true });
    expect(unsure.autoConfidence).toBeLessThan(quiz.reviewThreshold);
    expect(unsure.conceptsFound?.filter((c) => c.found).map((c) => c.id)).toEqual(['why-density']);

    const [attempt] = await selectOwnQuizAttempts(student, item);
    expect(attempt).toMatchObject({ status: 'needs_review', score: expect.closeTo(9 / quiz.questions.reduce((s, q) => s + q.points, 0), 3) });
    const view = await selectQuizAttemptView(student, attemptId);
    expect(view!.result!.questions['dequantization-idea']).toMatchObject({ awaitingReview: true, correct: null, points: 1 });
    expect(view!.result!.questions['ssl-idea'].concepts!.filter((c) => !c.found).map((c) => c.id)).toEqual(['pretext', 'downstream']);
    expect(view!.result!.questions['vae-diffusion-compare']).toMatchObject({ points: 0, feedback: 'No answer given.' });

    await expect(save('triplet-value', '1')).rejects.toMatchObject({ code: 'already-submitted' });
    await expect(submitQuizAttempt({ userId: student, attemptId })).rejects.toMatchObject({ code: 'already-submitted' });
  });

  it('grades an attempt with no unsure answer, then enforces the attempt limit', async () => {
    const { attemptId, attempt } = await startQuizAttempt({ userId: student, itemId: item });
    expect(attempt).toBe(2);
    await saveQuizAnswer({ userId: student, attemptId, questionId: 'reverse-steps-statements', answer: correctOptions('reverse-steps-statements') });
    expect(await submitQuizAttempt({ userId: student, attemptId })).toMatchObject({ status: 'graded', points: 2, reviewCount: 0 });
    await expect(startQuizAttempt({ userId: student, itemId: item })).rejects.toMatchObject({ code: 'no-attempts-left' });
    expect((await selectOwnQuizAttempts(student, item)).map((a) => a.status)).toEqual(['graded', 'needs_review']);
  });

  it('shares one attempt between racing starts and scores a double submit once', async () => {
    const starts = await Promise.all([startQuizAttempt({ userId: student, itemId: afterDueItem }), startQuizAttempt({ userId: student, itemId: afterDueItem })]);
    expect(starts[0].attemptId).toBe(starts[1].attemptId);
    const { attemptId } = starts[0];
    await saveQuizAnswer({ userId: student, attemptId, questionId: 'triplet-value', answer: '0.2' });
    const submits = await Promise.allSettled([submitQuizAttempt({ userId: student, attemptId }), submitQuizAttempt({ userId: student, attemptId })]);
    expect(submits.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    expect(submits.find((s) => s.status === 'rejected')).toMatchObject({ reason: { code: 'already-submitted' } });
  });

  it('holds feedback back until the due date when the item says so', async () => {
    const { attemptId } = await startQuizAttempt({ userId: classmate, itemId: afterDueItem });
    await saveQuizAnswer({ userId: classmate, attemptId, questionId: 'triplet-value', answer: '0.2' });
    await submitQuizAttempt({ userId: classmate, attemptId });
    const now = await selectQuizAttemptView(classmate, attemptId);
    expect(now).toMatchObject({ status: 'graded', result: null });
    expect(now!.feedbackAt).not.toBeNull();
    const later = await selectQuizAttemptView(classmate, attemptId, new Date(Date.now() + 2 * DAY));
    expect(later!.result!.questions['triplet-value']).toMatchObject({ points: 1, correct: true });
  });
});
