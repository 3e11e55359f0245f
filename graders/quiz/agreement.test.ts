import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAgreement, GENEROUS_SHARE, formatByKind, gradeLabelled, isAdversarial, KINDS, LabelledAnswersSchema, summarise } from './agreement';
import { loadQuiz } from './load';

const root = path.resolve(import.meta.dirname, '../..');
const { quiz } = await loadQuiz(path.join(root, 'exercises/quizzes/generative-ssl-concepts.json'));
const { answers } = LabelledAnswersSchema.parse(JSON.parse(await readFile(path.join(root, 'tests/fixtures/quiz/labelled-answers.json'), 'utf8')));
/** Measured on the held-out half (90.7 % and 25.0 % when set); issue #16 asks for 90 % and 25 %. */
const AGREEMENT_TARGET = 0.9;
const REVIEW_TARGET = 0.25;

describe('labelled short answers', () => {
  it('cover every short question with 50 answers of every kind, labelled within the points', () => {
    expect(answers.length).toBeGreaterThanOrEqual(300);
    for (const q of quiz.questions.filter((x) => x.type === 'short')) {
      const mine = answers.filter((a) => a.questionId === q.id);
      expect(mine.length, q.id).toBeGreaterThanOrEqual(50);
      expect(new Set(mine.map((a) => a.category)).size, q.id).toBe(KINDS.length);
      expect(mine.filter((a) => a.split === 'holdout').length, q.id).toBeGreaterThanOrEqual(20);
      for (const a of mine) expect(a.label, a.answer).toBeLessThanOrEqual(q.points);
    }
  });
});

describe('agreement of the short-answer grader with the labels', () => {
  const holdout = gradeLabelled(
    quiz,
    answers.filter((a) => a.split === 'holdout'),
  );
  const tune = gradeLabelled(
    quiz,
    answers.filter((a) => a.split === 'tune'),
  );
  const held = summarise(holdout);

  it('prints the confusion tables', () => {
    const report = [formatAgreement('tune half', summarise(tune)), formatAgreement('held-out half', held), formatByKind(holdout)].join('\n\n');
    console.log(`\n${report}\n`);
    expect(report).toContain(`held-out half: ${holdout.length} answers`);
  });

  it('never grades an adversarial answer (keyword list, swapped facts, negation…) generously on its own', () => {
    for (const split of [holdout, tune]) expect(summarise(split.filter((g) => isAdversarial(g.answer))).generous).toBe(0);
  });

  it('sends keyword lists, formulas alone and swapped facts to review, never crediting them on its own', () => {
    for (const g of [...holdout, ...tune].filter((x) => ['keywords', 'formula', 'swapped'].includes(x.answer.category))) {
      if (!g.needsReview) expect(g.points - g.answer.label, g.answer.answer).toBeLessThan(GENEROUS_SHARE * g.maxPoints);
    }
    const lists = [...holdout, ...tune].filter((g) => g.answer.category === 'keywords');
    expect(lists.every((g) => g.needsReview && g.points <= 0.25 * g.maxPoints)).toBe(true);
  });

  it(`gives the labelled score (±0.5) to at least ${AGREEMENT_TARGET * 100} % of the held-out answers it grades on its own`, () => {
    expect(held.agreeing / held.autoGraded).toBeGreaterThanOrEqual(AGREEMENT_TARGET);
  });

  it(`sends at most ${REVIEW_TARGET * 100} % of the held-out answers to review`, () => {
    expect(held.reviewed / held.total).toBeLessThanOrEqual(REVIEW_TARGET);
  });
});
