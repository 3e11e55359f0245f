import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QuizSchema } from './schema';
import { validateQuiz, validateQuizzes } from './validate';

describe('validateQuizzes', () => {
  it('finds no problem in the course quizzes', async () => {
    expect(await validateQuizzes(path.resolve(import.meta.dirname, '../../exercises/quizzes'))).toEqual([]);
  });

  it('reports a weak model answer, a broken formula, ignored words and an unprobed concept', () => {
    const quiz = QuizSchema.parse({
      id: 'q',
      title: 'Q',
      reviewThreshold: 0.6,
      concepts: [
        { id: 'c', title: 'C' },
        { id: 'lonely', title: 'Nobody asks' },
      ],
      questions: [
        {
          id: 'short',
          type: 'short',
          concept: 'c',
          points: 2,
          prompt: 'What does dequantization do?',
          modelAnswer: 'It adds noise.',
          rubric: [
            { id: 'noise', label: 'adds noise', points: 1, phrasings: ['add noise'] },
            { id: 'continuous', label: 'continuous', points: 1, phrasings: ['the continuous'] },
          ],
        },
        { id: 'f', type: 'formula', concept: 'c', points: 1, prompt: 'x', answer: 'max(0, dAB)', variables: { dAP: [0, 1] } },
      ],
    });
    expect(validateQuiz(quiz)).toEqual([
      'concepts.lonely: no question probes this concept',
      'question short: the model answer scores 1/2 with confidence 0.75; not found: continuous',
      'question short: rubric continuous: "the continuous" ignores "the" (too common to match on)',
      'question short: rubric continuous: "the continuous" is a single word; a list of terms would match it (give two words, or make it a claim about a subject)',
      'question f: the reference formula does not parse: unknown variable dAB; use dAP',
    ]);
  });
});
