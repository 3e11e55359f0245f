import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { QuestionFeedback, QuizAttemptView } from '@/db/services/quiz-attempt-view';
import { QuizResults } from './quiz-results';

// One short-answer question, as a student sees it before and after a TA's review.
function render(feedback: QuestionFeedback): string {
  const view: QuizAttemptView & { result: NonNullable<QuizAttemptView['result']> } = {
    attemptId: 'a',
    itemId: 'i',
    courseId: 'c',
    attempt: 1,
    status: feedback.awaitingReview ? 'needs_review' : 'graded',
    isLate: false,
    submittedAt: null,
    feedbackAt: null,
    quiz: { id: 'q', title: 'Quiz', description: '', questions: [{ id: 'why', type: 'short', prompt: 'Why dequantize?', points: 3, maxLength: 2000 }] } as unknown as QuizAttemptView['quiz'],
    answers: { why: 'Because densities are continuous.' },
    result: { points: feedback.points, maxPoints: 3, reviewCount: feedback.awaitingReview ? 1 : 0, questions: { why: feedback } },
  };
  return renderToStaticMarkup(createElement(QuizResults, { view })).replace(/<[^>]+>/g, ' ');
}

const pending: QuestionFeedback = {
  points: 2,
  maxPoints: 3,
  correct: null,
  awaitingReview: true,
  reviewed: false,
  graderComment: null,
  concepts: null,
  feedback: 'Recognised: continuous density. A grader will review this answer; the automatic suggestion is 2 of 3 points.',
};

describe('QuizResults after a review', () => {
  it('says a grader will review while the answer waits', () => {
    const text = render(pending);
    expect(text).toMatch(/will review/);
    expect(text).toMatch(/2\s*\/\s*3 points \(suggested\)/);
  });

  it("shows the grader's points and comment and no pending text once graded", () => {
    const text = render({ ...pending, points: 3, correct: true, awaitingReview: false, reviewed: true, graderComment: 'Complete answer.', feedback: 'Graded by course staff: 3 of 3 points.' });
    expect(text).not.toMatch(/will review|suggest/i);
    expect(text).toMatch(/3\s*\/\s*3 points \(graded by staff\)/);
    expect(text).toContain('Grader: Complete answer.');
  });
});
