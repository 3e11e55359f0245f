import { describe, expect, it } from 'vitest';
import { QuestionSchema } from './schema';
import { scoreAnswer } from './score';

const options = [
  { id: 'a', text: 'A', correct: true },
  { id: 'b', text: 'B', correct: true },
  { id: 'c', text: 'C', correct: true, feedback: 'C is right because…' },
  { id: 'd', text: 'D', feedback: 'D only holds for VAEs.' },
  { id: 'e', text: 'E' },
];
const multiple = QuestionSchema.parse({ id: 'm', type: 'multiple', concept: 'c', points: 3, prompt: 'Pick', options });
const single = QuestionSchema.parse({
  id: 's',
  type: 'single',
  concept: 'c',
  points: 1,
  prompt: 'Pick',
  options: [
    { id: 'x', text: 'X', correct: true },
    { id: 'y', text: 'Y', feedback: 'Y is a trap.' },
  ],
});

describe('single choice', () => {
  it('is all or nothing, with the picked option’s feedback', () => {
    expect(scoreAnswer(single, 'x')).toMatchObject({ points: 1, correct: true, needsReview: false, confidence: 1 });
    expect(scoreAnswer(single, 'y')).toMatchObject({ points: 0, correct: false, feedback: 'Y is a trap.' });
  });

  it('gives 0 with a message for an unknown option or a list', () => {
    expect(scoreAnswer(single, 'z').feedback).toBe('"z" is not one of the options');
    expect(scoreAnswer(single, ['x']).feedback).toBe('pick one option');
  });
});

describe('multiple select: (correct picks − wrong picks) / correct options, floored at 0', () => {
  it.each([
    [['a', 'b', 'c'], 3],
    [['a', 'b'], 2],
    [['a', 'b', 'c', 'd'], 2],
    [['a', 'd'], 0],
    [['a', 'b', 'c', 'd', 'e'], 1],
    [['d', 'e'], 0],
  ])('%j earns %d of 3', (picked, points) => {
    expect(scoreAnswer(multiple, picked).points).toBe(points);
  });

  it('counts a repeated pick once and says what was picked', () => {
    const result = scoreAnswer(multiple, ['a', 'a', 'a', 'd']);
    expect(result.points).toBe(0);
    expect(result.feedback).toContain('1 of 3 correct options picked, 1 wrong pick.');
    expect(result.feedback).toContain('D only holds for VAEs.');
  });

  it('rounds fractional credit to a stable value', () => {
    const two = QuestionSchema.parse({ id: 'm2', type: 'multiple', concept: 'c', points: 1, prompt: 'Pick', options });
    expect(scoreAnswer(two, ['a']).points).toBe(0.333);
  });

  it('gives 0 with a message for malformed answers', () => {
    expect(scoreAnswer(multiple, 'a').feedback).toBe('send a list of option ids');
    expect(scoreAnswer(multiple, [1, 2]).points).toBe(0);
    expect(scoreAnswer(multiple, ['a', '__proto__']).feedback).toBe('"__proto__" is not one of the options');
  });
});
