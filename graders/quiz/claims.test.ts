import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuiz } from './load';
import type { ShortQuestion } from './schema';
import { scoreAnswer } from './score';
import { analyse } from './types/short/text';

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

describe('negation scope, antonyms and paraphrase', () => {
  const negated = (text: string) => Object.fromEntries(analyse(text).words.map((w) => [w.word, w.negated]));

  it('reads a negated antonym as the claim: "not fast" is slow, "not far" is close', () => {
    expect(status('vae-diffusion-compare', 'Diffusion models are not fast.')['speed-quality']).toBe('credited');
    expect(status('vae-diffusion-compare', 'A VAE is not slow.')['speed-quality']).toBe('credited');
    expect(status('contrastive-triplet', 'The loss keeps the positive not far from the anchor.')['pull-push']).toBe('credited');
    // "not difficult" is "easy": the one-step misconception, so no credit for "one step is hard".
    const easy = score('reverse-steps', 'A single step would not be difficult; the many steps only save memory.');
    expect(easy.points).toBe(0);
    expect(easy.concepts!.find((c) => c.id === 'one-step-hard')!.status).toBe('contradicted');
  });

  it('ends the scope of "instead of"/"without" at the verb, keeps a gerund inside it, and lets "not because" negate the reason', () => {
    expect(negated('Doing it in one go instead of step by step is easier.')).toMatchObject({ step: true, easier: false });
    expect(negated('It learns without needing any labels.')).toMatchObject({ needing: true, labels: true });
    expect(negated('It is not because one step would be too hard.')).toMatchObject({ step: true, hard: true });
    expect(score('reverse-steps', 'It is not because one step would be too hard; the steps only make sampling faster.').points).toBe(0);
  });

  it('neither denies nor swaps a claim inside a counterfactual ("otherwise…", "without it … would")', () => {
    expect(analyse('Otherwise the likelihood would not be bounded.').words.every((w) => w.counterfactual)).toBe(true);
    expect(analyse('The likelihood is not bounded.').words.some((w) => w.counterfactual)).toBe(false);
    expect(status('dequantization-idea', 'Without the noise the model could not fit a continuous density to the integer pixels.')['why-density']).toBe('credited');
  });

  it('matches synonyms under the same negative prefix and typos of a synonym', () => {
    expect(status('ssl-idea', 'It learns from unannotated data.')['labels-from-data']).toBe('credited');
    expect(status('reverse-steps', 'Small steps are eaiser to learn.').manageable).toBe('credited');
  });

  it('reads p(x) as the likelihood it stands for', () => {
    expect(status('vae-diffusion-compare', 'Both of them push up a bound on log p(x).').probabilistic).toBe('credited');
    expect(status('vae-diffusion-compare', 'Both of them push up a bound.').probabilistic).toBe('missing');
    expect(analyse('the density p(x|z)').words.map((w) => w.word)).not.toContain('likelihood');
  });

  it('resolves "the former" and "the latter" to the last two subjects named', () => {
    expect(score('vae-diffusion-compare', 'VAEs and diffusion models differ in speed: the former is fast, the latter is slow.')).toMatchObject({ points: 1, needsReview: false });
    const swapped = score('vae-diffusion-compare', 'VAEs and diffusion models differ in speed: the former is slow, the latter is fast.');
    expect(swapped).toMatchObject({ points: 0, needsReview: true });
    expect(swapped.concepts!.find((c) => c.id === 'speed-quality')!.status).toBe('contradicted');
  });

  it('reads a comparison as saying the opposite of what it is compared with, in its order only', () => {
    expect(status('reverse-steps', 'Small steps are easier to learn than one big step.')['one-step-hard']).toBe('credited');
    expect(score('reverse-steps', 'One step is easier to learn than many small steps.')).toMatchObject({ points: 0, needsReview: true });
  });

  it('keeps "the scale and shift networks" one noun phrase, but splits "close to the positive and far from the negative"', () => {
    const clauses = (text: string) => new Set(analyse(text).words.map((w) => w.clause)).size;
    expect(clauses('To invert it we invert the scale and shift networks.')).toBe(1);
    expect(clauses('The anchor should be close to the positive and far from the negative.')).toBe(2);
    expect(clauses('VAEs are fast and diffusion models are slow.')).toBe(2);
    expect(score('coupling-layer', 'To invert the layer we have to invert the scale and shift networks.').concepts!.find((c) => c.id === 'invertible')!.status).toBe('contradicted');
  });

  it('does not accuse a predicate whose words straddle a contrast: "one pass for a VAE but a long chain for diffusion"', () => {
    const result = score('vae-diffusion-compare', 'Sampling takes one decoder pass for a VAE but a long chain of evaluations for diffusion.');
    expect(result.needsReview).toBe(false);
    expect(result.concepts!.find((c) => c.id === 'speed-quality')!.status).toBe('credited');
    // "it costs one pass" says nothing about being slow.
    expect(status('vae-diffusion-compare', 'A sample from a VAE costs one decoder pass.')['speed-quality']).toBe('credited');
  });
});
