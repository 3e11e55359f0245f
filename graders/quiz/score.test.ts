import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuiz } from './load';
import { QuestionSchema } from './schema';
import { scoreAnswer, scoreQuiz } from './score';

const { quiz } = await loadQuiz(path.resolve(import.meta.dirname, '../../exercises/quizzes/generative-ssl-concepts.json'));

describe('scoreQuiz', () => {
  it('adds up the questions and counts the ones to review', () => {
    const result = scoreQuiz(
      quiz,
      {
        'triplet-value': '0.2',
        'triplet-formula': 'max(dAP - dAN + m, 0)',
        'ssl-pretext-choice': 'masked-words',
        'dequantization-idea': 'discrete continuous uniform noise density likelihood',
        'not-a-question': 'ignored',
      },
      1,
    );
    expect(result.questions).toHaveLength(quiz.questions.length);
    expect(result.maxPoints).toBe(quiz.questions.reduce((s, q) => s + q.points, 0));
    const earned = result.questions.filter((q) => q.points > 0).map((q) => q.questionId);
    expect(earned).toEqual(expect.arrayContaining(['triplet-value', 'triplet-formula', 'ssl-pretext-choice']));
    expect(result.points).toBe(result.questions.reduce((s, q) => s + q.points, 0));
    expect(result).toMatchObject({ needsReview: true, reviewCount: 1 });
    expect(result.questions.find((q) => q.questionId === 'coupling-logdet')).toMatchObject({ points: 0, feedback: 'No answer given.' });
  });

  it('treats junk instead of an answers object as no answers', () => {
    for (const junk of [null, 'x', [1, 2], 42]) {
      const result = scoreQuiz(quiz, junk as unknown as Record<string, unknown>, 1);
      expect(result.points).toBe(0);
      expect(result.needsReview).toBe(false);
    }
  });

  it('never throws on random hostile answers', () => {
    const junk: unknown[] = [undefined, null, 0, -1, NaN, {}, [], [[]], { toString: () => 'x' }, 'x'.repeat(100_000), '\u0000\u202e', Symbol('s'), () => 1, BigInt(1)];
    for (const q of quiz.questions) for (const answer of junk) expect(() => scoreAnswer(q, answer)).not.toThrow();
  });
});

describe('scoreAnswer', () => {
  it('sends a question it cannot grade to a human instead of throwing', () => {
    // A formula whose reference only exists outside its ranges: a content bug validate.ts reports.
    const broken = QuestionSchema.parse({ id: 'b', type: 'formula', concept: 'c', points: 1, prompt: 'x', answer: 'sqrt(-x)', variables: { x: [1, 2] } });
    expect(scoreAnswer(broken, 'x')).toMatchObject({ points: 0, needsReview: true, correct: null });
  });
});
