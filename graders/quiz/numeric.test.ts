import { describe, expect, it } from 'vitest';
import { QuestionSchema } from './schema';
import { scoreAnswer } from './score';

const triplet = QuestionSchema.parse({ id: 't', type: 'numeric', concept: 'c', points: 1, prompt: 'Loss?', answer: 0.2, absTol: 0.001 });
const seconds = QuestionSchema.parse({ id: 's', type: 'numeric', concept: 'c', points: 1, prompt: 'Time?', answer: 40, relTol: 0.01, units: 's' });

describe('numeric answers', () => {
  it.each(['0.2', '0.20', '.2', '2e-1', '2E-1', ' 0.2 ', '0,2', '+0.2', '0.2005'])('accepts %j for 0.2', (text) => {
    expect(scoreAnswer(triplet, text)).toMatchObject({ points: 1, correct: true });
  });

  it('accepts a plain number', () => {
    expect(scoreAnswer(triplet, 0.2).points).toBe(1);
  });

  it('rejects values outside the absolute tolerance', () => {
    expect(scoreAnswer(triplet, '0.202')).toMatchObject({ points: 0, correct: false });
    expect(scoreAnswer(triplet, '-0.2').points).toBe(0);
  });

  it('applies a relative tolerance and accepts the units text', () => {
    for (const text of ['40', '40 s', '40s', '40.3 S', '39.7']) expect(scoreAnswer(seconds, text).points, text).toBe(1);
    expect(scoreAnswer(seconds, '40.5 s').points).toBe(0);
  });

  it('explains what it could not read', () => {
    expect(scoreAnswer(seconds, '40 ms').feedback).toBe('could not read "40 ms" as a number (in s); write it like 0.25 or 2.5e-1');
    expect(scoreAnswer(triplet, '1/5').feedback).toContain('could not read "1/5"');
    expect(scoreAnswer(triplet, '0x10').points).toBe(0);
  });

  it('gives 0, never throws, for hostile input', () => {
    for (const answer of [NaN, Infinity, {}, [0.2], true, 'x'.repeat(1_000_000), '1e400']) {
      const result = scoreAnswer(triplet, answer);
      expect(result.points).toBe(0);
      expect(result.feedback.length).toBeGreaterThan(0);
    }
  });
});
