import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuiz } from './load';
import type { ShortQuestion } from './schema';
import { scoreAnswer } from './score';

const { quiz } = await loadQuiz(path.resolve(import.meta.dirname, '../../exercises/quizzes/generative-ssl-concepts.json'));
const short = (id: string) => quiz.questions.find((q): q is ShortQuestion => q.id === id && q.type === 'short')!;
const dequant = short('dequantization-idea');
const found = (id: string, answer: string) =>
  scoreAnswer(short(id), answer, { reviewThreshold: quiz.reviewThreshold })
    .concepts!.filter((c) => c.found)
    .map((c) => c.id);

describe('short answers', () => {
  it('gives every model answer full points without review', () => {
    for (const q of quiz.questions.filter((x): x is ShortQuestion => x.type === 'short')) {
      expect(scoreAnswer(q, q.modelAnswer, { reviewThreshold: quiz.reviewThreshold }), q.id).toMatchObject({ points: q.points, needsReview: false, correct: true });
    }
  });

  it('does not credit a negated concept: "it does not add noise"', () => {
    expect(found('dequantization-idea', 'It does not add noise to the pixels.')).not.toContain('add-noise');
    expect(found('dequantization-idea', 'It adds noise to the pixels.')).toContain('add-noise');
    expect(found('dequantization-idea', "Dequantization doesn't add any noise.")).not.toContain('add-noise');
    expect(found('dequantization-idea', 'It not only rescales the pixels but adds noise.')).toContain('add-noise');
  });

  it('credits a concept stated through a negation: "without manual labels"', () => {
    expect(found('ssl-idea', 'The model learns without any manual labels.')).toContain('labels-from-data');
    expect(found('ssl-idea', 'Labels are not needed.')).toContain('labels-from-data');
    expect(found('ssl-idea', 'The model needs manual labels.')).not.toContain('labels-from-data');
  });

  it('tolerates word order, inflection and typos in unknown words', () => {
    expect(found('dequantization-idea', 'Noise, uniformly distributed, is added.')).toContain('add-noise');
    expect(found('coupling-layer', 'The jacobain is triangluar.')).toContain('jacobian');
    expect(found('contrastive-triplet', 'You need an ancor, a positve and a negativ.')).toContain('roles');
  });

  it('does not take a real word for a typo of another', () => {
    expect(found('reverse-steps', 'Sampling steps.')).not.toContain('manageable');
  });

  it('gives off-topic text 0 with confidence', () => {
    expect(scoreAnswer(dequant, 'Pizza is best with mozzarella and basil.')).toMatchObject({ points: 0, needsReview: false, correct: false });
  });

  it('sends a contradiction of the rubric to review with the automatic score as a suggestion', () => {
    const result = scoreAnswer(short('vae-diffusion-compare'), 'VAEs are slow and need many steps, diffusion models are generative.', { reviewThreshold: quiz.reviewThreshold });
    expect(result).toMatchObject({ needsReview: true, correct: null });
    expect(result.feedback).toContain(`the automatic suggestion is ${result.points} of 4 points`);
  });

  it('is less sure of a partly stated concept', () => {
    const result = scoreAnswer(dequant, 'Flows model continuous densities, and image data is discrete.', { reviewThreshold: quiz.reviewThreshold });
    expect(result.confidence).toBeLessThan(1);
    expect(result.concepts!.find((c) => c.id === 'discrete-to-continuous')).toMatchObject({ found: false, status: 'partial', note: 'partly mentioned' });
  });

  it('quotes the student’s words as evidence', () => {
    const result = scoreAnswer(dequant, 'We add a little uniform noise to every pixel.');
    expect(result.concepts!.find((c) => c.id === 'add-noise')?.evidence).toBe('add a little uniform noise');
  });

  it('returns 0 with a message for empty, non-string and oversized answers, quickly', () => {
    expect(scoreAnswer(dequant, '   ')).toMatchObject({ points: 0, feedback: 'No answer given.' });
    expect(scoreAnswer(dequant, { text: 'noise' }).feedback).toBe('type an answer');
    expect(scoreAnswer(dequant, 'noise '.repeat(1000)).feedback).toBe('an answer may have at most 4000 characters');
    const started = performance.now();
    const stuffed = scoreAnswer(dequant, 'add noise discrete continuous density likelihood '.repeat(80).slice(0, 4000));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(stuffed.needsReview).toBe(true);
  });
});
