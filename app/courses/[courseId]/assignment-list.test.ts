import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ItemScore } from '@/db/queries/scores';
import type { StudentItemRow } from '@/db/queries/student-items';
import { AssignmentList } from './assignment-list';

const base: StudentItemRow = {
  assignmentId: 'w1',
  assignmentTitle: 'Week 1',
  assignmentDescription: '',
  opensAt: null,
  dueAt: null,
  extendedDueAt: null,
  hardCloseAt: null,
  latePenaltyPerDay: 0,
  itemId: 'ex',
  kind: 'exercise',
  exerciseId: 'ex',
  title: 'Triplet loss',
  points: 10,
  maxAttempts: null,
  hasDraft: false,
  attempts: 1,
  bestScore: 1,
  scoresHeld: false,
  latestStatus: 'graded',
  anyLate: false,
};
const score = (itemId: string, s: Partial<ItemScore>): ItemScore => ({
  userId: 'u',
  itemId,
  raw: null,
  penalty: 0,
  final: null,
  best: null,
  overridden: false,
  late: false,
  attempts: 0,
  pendingReview: false,
  ...s,
});

describe('course home total', () => {
  it('counts what the gradebook counts: a quiz attempt pending review adds nothing and is marked', () => {
    // The quiz attempt scored 50 % provisionally (bestScore 0.5 from the attempts): it must not reach the total.
    const quiz: StudentItemRow = { ...base, itemId: 'qz', kind: 'quiz', exerciseId: null, title: 'Concepts', points: 4, bestScore: 0.5, latestStatus: 'needs_review' };
    const scores = new Map([
      ['ex', score('ex', { final: 10, best: 10, raw: 10, attempts: 1 })],
      ['qz', score('qz', { pendingReview: true })],
    ]);
    const text = renderToStaticMarkup(createElement(AssignmentList, { courseId: 'c', items: [base, quiz], scores }))
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain('10 of 14 points');
    expect(text).toContain('1 pending review, not counted until reviewed');
    expect(text).toMatch(/Concepts .*pending review/);
  });
});
