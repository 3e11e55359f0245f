import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuiz } from './load';
import type { ShortQuestion } from './schema';
import { scoreAnswer } from './score';

// Issue #16: rubric items are claims about subjects; swapped facts, keyword lists and negated claims earn nothing.
const { quiz } = await loadQuiz(path.resolve(import.meta.dirname, '../../exercises/quizzes/generative-ssl-concepts.json'));
const short = (id: string) => quiz.questions.find((q): q is ShortQuestion => q.id === id && q.type === 'short')!;
const score = (id: string, answer: string) => scoreAnswer(short(id), answer, { reviewThreshold: quiz.reviewThreshold });
const status = (id: string, answer: string) => Object.fromEntries(score(id, answer).concepts!.map((c) => [c.id, c.status]));

describe('claims', () => {
  it('credits a predicate said of its subject, through a pronoun and across "and"', () => {
    expect(status('vae-diffusion-compare', 'A VAE has an encoder and a decoder, so it samples in one pass.')).toMatchObject({ structure: 'credited', 'speed-quality': 'credited' });
  });

  it('treats a predicate said of the other subject as a contradiction: no credit, review, feedback names the swap', () => {
    const result = score('vae-diffusion-compare', 'Diffusion models use an encoder and a decoder. VAEs start from pure noise. Both are generative models.');
    expect(result).toMatchObject({ needsReview: true, points: 1 });
    expect(result.concepts!.find((c) => c.id === 'structure')).toMatchObject({ found: false, status: 'contradicted', note: 'said of the wrong subject' });
    expect(result.feedback).toContain('Not credited: you wrote “Diffusion models use an encoder” — that is the VAE.');
    expect(result.feedback).not.toMatch(/encodes the data into a latent space/);
    const evidence = result.concepts!.find((c) => c.id === 'structure')!.matches!;
    expect(evidence[0]).toMatchObject({ verdict: 'contradicted', saidOf: 'the diffusion model', words: 'encoder', sentence: 'Diffusion models use an encoder and a decoder' });
  });

  it('reads comparisons from their subject: "slower than VAEs" is said of diffusion', () => {
    expect(status('vae-diffusion-compare', 'Diffusion models are much slower than VAEs.')['speed-quality']).toBe('credited');
    expect(status('vae-diffusion-compare', 'VAEs are much slower than diffusion models.')['speed-quality']).toBe('contradicted');
  });

  it('splits contrasts at whereas/while/but', () => {
    expect(status('vae-diffusion-compare', 'A VAE is fast, whereas a diffusion model is slow.')['speed-quality']).toBe('credited');
    expect(status('contrastive-triplet', 'The loss pulls the positive closer but pushes the negative away.')['pull-push']).toBe('credited');
    expect(status('contrastive-triplet', 'The loss pulls the negative closer but pushes the positive away.')['pull-push']).toBe('contradicted');
  });

  it('counts a denied claim as its opposite, and a denial of the other subject as the difference', () => {
    expect(status('reverse-steps', 'Going from noise to an image in one step is not hard at all.')['one-step-hard']).not.toBe('credited');
    expect(score('reverse-steps', 'Intermediate steps are not needed; reconstructing directly from noise in one step is just as easy.').points).toBe(0);
    expect(status('vae-diffusion-compare', 'VAEs do not need many steps to sample.')['speed-quality']).toBe('credited');
    expect(status('vae-diffusion-compare', 'VAEs do not have an encoder.').structure).toBe('contradicted');
  });
});

describe('form before content', () => {
  it('caps a keyword list at a quarter of the points and sends it to review', () => {
    for (const [id, list] of [
      ['coupling-layer', 'split invertible Jacobian determinant scale shift likelihood normalizing flow efficient'],
      ['reverse-steps', 'intermediate steps gradually denoise noise complex manageable refine quality'],
      ['dequantization-idea', 'noise, uniform, continuous, discrete, pixels, density'],
    ] as const) {
      const result = score(id, list);
      expect(result.needsReview, list).toBe(true);
      expect(result.points, list).toBeLessThanOrEqual(0.25 * short(id).points);
      expect(result.feedback).toContain('a list of terms or a formula alone earns at most');
    }
  });

  it('sends a formula alone to review', () => {
    expect(score('contrastive-triplet', 'L = max(0, d(A,P) - d(A,N) + m)').needsReview).toBe(true);
  });

  it('gives copied question text nothing', () => {
    expect(score('reverse-steps', 'The reverse (generative) process goes through many intermediate steps instead of turning noise into an image in a single step.').points).toBe(0);
  });

  it('grades a short sentence without function words as a sentence', () => {
    expect(score('dequantization-idea', 'Dequantization makes discrete data continuous.')).toMatchObject({ needsReview: false, points: 1 });
  });
});
