import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-db';
import { insertMember } from './gradebook-fixtures';
import { syncContent } from '@/db/sync-content';
import { insertUser } from '@/db/queries/users';
import { insertCourse } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { claimReviewAnswers, defaultQueueFilter, selectReviewAnswer, selectReviewQueue, selectReviewQueueCounts } from '@/db/queries/review-queue';
import { selectSubmissionsPage } from '@/db/queries/staff-submissions';
import { startQuizAttempt } from '@/db/services/start-quiz-attempt';
import { saveQuizAnswer } from '@/db/services/save-quiz-answer';
import { submitQuizAttempt } from '@/db/services/submit-quiz-attempt';
import { selectQuizAttemptView } from '@/db/services/quiz-attempt-view';
import { gradeAnswer } from '@/db/services/grade-answer';
import { overrideScore } from '@/db/services/override-score';

const QUIZ = 'generative-ssl-concepts';
// Routed to review by the scorer (labelled fixture in quiz-attempts.test.ts): credits the density reason only.
const UNSURE_SHORT = 'Flows model continuous densities, and image data is discrete, so we need to fix that mismatch.';

let drop: () => Promise<void>;
let courseId: string;
let graderA: string;
let graderB: string;
const students: string[] = [];
const attempts: string[] = [];
let itemId: string;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  await syncContent();
  const teacher = await insertUser({ email: 't@uni.test', name: 'T', password: 'a long teacher pass', isAdmin: true });
  courseId = (await insertCourse({ actorId: teacher.id, title: 'DGM', code: 'DGM' })).id;
  graderA = await insertMember(courseId, 'Grader A', 'grader');
  graderB = await insertMember(courseId, 'Grader B', 'grader');
  const {
    itemIds: [item],
  } = await insertAssignmentWithItems({ courseId, title: 'Week 1', published: true, items: [{ kind: 'quiz', targetId: QUIZ, points: 10 }] });
  itemId = item;
  for (const name of ['Ada', 'Bo', 'Cy']) {
    const userId = await insertMember(courseId, name);
    const { attemptId } = await startQuizAttempt({ userId, itemId: item });
    await saveQuizAnswer({ userId, attemptId, questionId: 'dequantization-idea', answer: UNSURE_SHORT });
    expect((await submitQuizAttempt({ userId, attemptId })).status).toBe('needs_review');
    students.push(userId);
    attempts.push(attemptId);
  }
});

afterAll(async () => drop?.());

describe('manual grading queue', () => {
  it('counts the waiting answers per tab and opens on unclaimed work while nothing is claimed', async () => {
    const counts = await selectReviewQueueCounts(graderA, courseId);
    expect(counts).toEqual({ mine: 0, unclaimed: 3, all: 3 });
    expect(defaultQueueFilter(counts)).toBe('unclaimed');
    expect(defaultQueueFilter({ mine: 0, unclaimed: 0, all: 0 })).toBe('all');
    await expect(selectReviewQueueCounts(students[0], courseId)).rejects.toThrow(/permission/);
  });

  it('lists every waiting answer and lets two graders split it without overlap', async () => {
    expect(await selectReviewQueue(graderA, courseId, 'all')).toHaveLength(3);
    const [a, b] = await Promise.all([claimReviewAnswers(graderA, courseId, 2), claimReviewAnswers(graderB, courseId, 2)]);
    expect(a.length + b.length).toBe(3);
    const keys = [...a, ...b].map((k) => `${k.attemptId}/${k.questionId}`);
    expect(new Set(keys).size).toBe(3);
    expect((await selectReviewQueue(graderA, courseId, 'mine')).map((r) => r.attemptId).sort()).toEqual(a.map((k) => k.attemptId).sort());
    expect(await selectReviewQueue(graderA, courseId, 'unclaimed')).toHaveLength(0);
    const counts = await selectReviewQueueCounts(graderA, courseId);
    expect(counts).toEqual({ mine: a.length, unclaimed: 0, all: 3 });
    expect(defaultQueueFilter(counts)).toBe(a.length > 0 ? 'mine' : 'all');
  });

  it('shows the grader the model answer and rubric with the machine-credited concept ticked', async () => {
    const answer = await selectReviewAnswer(graderA, courseId, { attemptId: attempts[0], questionId: 'dequantization-idea' });
    expect(answer?.answer).toBe(UNSURE_SHORT);
    expect(answer?.question.type).toBe('short');
    if (answer?.question.type !== 'short') return;
    expect(answer.question.modelAnswer.length).toBeGreaterThan(10);
    expect(answer.conceptsFound?.filter((c) => c.found)).toHaveLength(1);
    expect(answer.conceptsFound).toHaveLength(answer.question.rubric.length);
  });

  it('recomputes the attempt and moves it to graded when its last answer is reviewed; the student sees points and comment', async () => {
    const answer = (await selectReviewAnswer(graderA, courseId, { attemptId: attempts[0], questionId: 'dequantization-idea' }))!;
    if (answer.question.type !== 'short') throw new Error('expected a short answer');
    const before = (await selectQuizAttemptView(students[0], attempts[0]))!.result!;
    const rubric = answer.question.rubric;
    await expect(gradeAnswer({ actorId: graderA, courseId, attemptId: attempts[0], questionId: 'dequantization-idea', points: 99, concepts: [] })).rejects.toMatchObject({
      name: 'Refusal',
      code: 'invalid',
    });
    const result = await gradeAnswer({
      actorId: graderA,
      courseId,
      attemptId: attempts[0],
      questionId: 'dequantization-idea',
      points: answer.question.points,
      concepts: rubric.map((r) => r.id),
      comment: 'Right idea; the noise argument is implied.',
    });
    expect(result.status).toBe('graded');
    const view = (await selectQuizAttemptView(students[0], attempts[0]))!;
    expect(view.status).toBe('graded');
    const feedback = view.result!.questions['dequantization-idea'];
    expect(feedback).toMatchObject({ awaitingReview: false, points: answer.question.points, graderComment: 'Right idea; the noise argument is implied.' });
    expect(feedback.concepts?.every((c) => c.found)).toBe(true);
    // Before the review the scorer's text announced a review and its suggestion; after it, only the grader's points.
    expect(before.questions['dequantization-idea'].feedback).toMatch(/will review/);
    expect(feedback.reviewed).toBe(true);
    expect(feedback.feedback).not.toMatch(/will review|suggestion/);
    expect(feedback.feedback).toContain(`Graded by course staff: ${answer.question.points} of ${answer.question.points} points.`);
    expect(view.result!.points).toBeCloseTo(before.points - before.questions['dequantization-idea'].points + answer.question.points);
    // The attempt's stored score follows, so the browser and the gradebook see the reviewed total.
    const page = await selectSubmissionsPage(graderB, courseId, { kind: 'quiz', status: 'graded', sort: 'newest', page: 1 });
    expect(page.rows.map((r) => r.id)).toEqual([attempts[0]]);
    expect(page.rows[0].score).toBeCloseTo(view.result!.points / view.result!.maxPoints, 3);
    expect((await selectReviewQueue(graderA, courseId, 'all')).map((r) => r.attemptId)).not.toContain(attempts[0]);
  });

  it('refuses a student, and answers outside the course', async () => {
    await expect(selectReviewQueue(students[1], courseId, 'all')).rejects.toThrow(/permission/);
    await expect(gradeAnswer({ actorId: students[1], courseId, attemptId: attempts[1], questionId: 'dequantization-idea', points: 3, concepts: [] })).rejects.toThrow(/permission/);
    const other = await insertCourse({ actorId: graderA, title: 'Other', code: 'O', skipPermissionCheck: true });
    expect(await selectReviewAnswer(graderA, other.id, { attemptId: attempts[1], questionId: 'dequantization-idea' })).toBeNull();
  });

  it('keeps an attempt the student is still answering out of staff hands', async () => {
    const userId = await insertMember(courseId, 'Dee');
    const { attemptId } = await startQuizAttempt({ userId, itemId });
    await saveQuizAnswer({ userId, attemptId, questionId: 'dequantization-idea', answer: UNSURE_SHORT });
    expect(await selectReviewAnswer(graderA, courseId, { attemptId, questionId: 'dequantization-idea' })).toBeNull();
    await expect(overrideScore({ actorId: graderA, courseId, target: { kind: 'quiz_attempt', id: attemptId }, newScore: 5, reason: 'early' })).rejects.toThrow(/No such submission/);
  });
});
