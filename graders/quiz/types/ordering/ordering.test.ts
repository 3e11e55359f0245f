import { describe, expect, it } from 'vitest';
import { toPublicQuiz } from '../../public';
import { QuestionSchema, QuizSchema } from '../../schema';
import { scoreAnswer } from '../../score';
import { validateQuiz } from '../../validate';
import { ordering } from '.';
import { orderAgreement } from './score';

const question = QuestionSchema.parse({
  id: 'ddpm-sampling',
  type: 'ordering',
  prompt: 'Order the steps.',
  points: 2,
  concept: 'ddpm',
  items: [
    { id: 'noise', text: 'Draw x_T from N(0, I)' },
    { id: 'predict', text: 'Predict the noise' },
    { id: 'mean', text: 'Compute the mean of x_{t-1}' },
    { id: 'add', text: 'Add fresh noise' },
  ],
  feedback: 'Sampling starts from pure noise.',
});
const RIGHT = ['noise', 'predict', 'mean', 'add'];

describe('ordering: Kendall-tau partial credit', () => {
  it('gives full points for the right order and nothing for the reverse', () => {
    expect(scoreAnswer(question, RIGHT)).toMatchObject({ points: 2, correct: true, feedback: 'Correct.' });
    expect(scoreAnswer(question, [...RIGHT].reverse())).toMatchObject({ points: 0, correct: false });
  });

  it('costs a swap of neighbours 1/3 of the points with four items (5 of 6 pairs right)', () => {
    const result = scoreAnswer(question, ['noise', 'mean', 'predict', 'add']);
    expect(result.points).toBe(1.333);
    expect(result.feedback).toBe('5 of 6 pairs of items in the right order. Sampling starts from pure noise.');
  });

  it('counts every pair: moving the first item to the end costs more than a swap', () => {
    expect(orderAgreement(RIGHT, ['predict', 'mean', 'add', 'noise'])).toEqual({ concordant: 3, pairs: 6, credit: 0 });
    expect(orderAgreement(['a', 'b', 'c'], ['b', 'a', 'c']).credit).toBeCloseTo(1 / 3);
  });

  it('refuses an answer that is not an arrangement of the items', () => {
    expect(scoreAnswer(question, ['noise', 'predict', 'mean'])).toMatchObject({ points: 0, feedback: 'put every item in the list exactly once' });
    expect(scoreAnswer(question, ['noise', 'noise', 'mean', 'add']).feedback).toBe('put every item in the list exactly once');
    expect(scoreAnswer(question, ['noise', 'predict', 'mean', 'step-4']).feedback).toBe('"step-4" is not one of the items');
    expect(scoreAnswer(question, 'noise').feedback).toBe('send the items as a list of ids');
    expect(scoreAnswer(question, [])).toMatchObject({ points: 0, feedback: 'No answer given.' });
  });

  it('accepts a draft only when it is an arrangement (or empty)', () => {
    if (question.type !== 'ordering') throw new Error('parsed as another type');
    expect(ordering.acceptDraft!(question, [...RIGHT].reverse())).toEqual({ ok: true, value: [...RIGHT].reverse() });
    expect(ordering.acceptDraft!(question, [])).toEqual({ ok: true, value: [] });
    expect(ordering.acceptDraft!(question, ['noise'])).toEqual({ ok: false, error: 'Put every item in the list exactly once.' });
  });
});

describe('ordering: content and public shape', () => {
  const quiz = (items: { id: string; text: string }[]) =>
    QuizSchema.safeParse({
      id: 'q',
      title: 'Q',
      reviewThreshold: 0.6,
      concepts: [{ id: 'ddpm', title: 'DDPM' }],
      questions: [{ id: 'o', type: 'ordering', prompt: 'Order.', points: 1, concept: 'ddpm', items }],
    });

  it('needs 3 to 6 items with distinct ids', () => {
    expect(
      quiz([
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ]).success,
    ).toBe(false);
    const dup = quiz([
      { id: 'b', text: 'A' },
      { id: 'b', text: 'B' },
      { id: 'c', text: 'C' },
    ]);
    expect(dup.error?.issues[0]).toMatchObject({ path: ['questions', 0, 'items', 1, 'id'], message: 'duplicate item id' });
  });

  it('flags item ids whose alphabetical order is the answer', () => {
    const parsed = quiz([
      { id: 'step-1', text: 'A' },
      { id: 'step-2', text: 'B' },
      { id: 'step-3', text: 'C' },
    ]);
    expect(validateQuiz(parsed.data!)).toEqual(['question o: item ids in alphabetical order give the order away; name them after their content']);
  });

  it('shows the items shuffled per attempt, never in the right order, with no field that grades', () => {
    const parsed = quiz([
      { id: 'sample', text: 'A' },
      { id: 'encode', text: 'B' },
      { id: 'decode', text: 'C' },
    ]).data!;
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const pub = toPublicQuiz(parsed, seed).questions[0];
      if (pub.type !== 'ordering') throw new Error('wrong type');
      const order = pub.options.map((o) => o.id).join(',');
      expect(order).not.toBe('sample,encode,decode');
      expect(toPublicQuiz(parsed, seed).questions[0]).toEqual(pub);
      seen.add(order);
    }
    // All five wrong orders of three items occur.
    expect(seen.size).toBe(5);
    expect(Object.keys(toPublicQuiz(parsed, 1).questions[0]).sort()).toEqual(['concept', 'id', 'options', 'points', 'prompt', 'type']);
  });
});
