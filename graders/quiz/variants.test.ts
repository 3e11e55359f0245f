import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuiz } from './load';
import { drawParams, fillPlaceholders, paramCorners } from './params';
import { toPublicQuiz } from './public';
import { QuestionSchema, QuizSchema } from './schema';
import { scoreAnswer, scoreQuiz } from './score';
import { validateQuiz } from './validate';
import { attemptParams, attemptVariant } from './variants';

const { quiz } = await loadQuiz(path.resolve(import.meta.dirname, '../../exercises/quizzes/generative-ssl-concepts.json'));
const question = (id: string) => quiz.questions.find((q) => q.id === id)!;
const bitsPerDim = question('dequantized-bits-per-dim');
const klFormula = question('vae-kl-formula');
const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);

/** The right number for an attempt, computed here from its drawn params (not by the code under test). */
const rightBits = (seed: number) => {
  const { D, logp } = attemptParams(bitsPerDim, seed);
  return 8 - logp / (D * Math.LN2);
};

const quizWith = (q: Record<string, unknown>) =>
  QuizSchema.safeParse({ id: 'v', title: 'V', reviewThreshold: 0.6, concepts: [{ id: 'c', title: 'C' }], questions: [{ id: 'q', concept: 'c', points: 1, ...q }] });

describe('drawing params', () => {
  const params = { beta: { min: 0.005, max: 0.05, step: 0.001 }, t: { choices: [5, 10, 20, 50, 100] } };

  it('is the same for the same seed, on the grid, and independent of key order', () => {
    for (const seed of SEEDS.map(String)) {
      const values = drawParams(params, seed);
      expect(drawParams(params, seed)).toEqual(values);
      expect(drawParams({ t: params.t, beta: params.beta }, seed)).toEqual(values);
      expect(values.beta).toBeGreaterThanOrEqual(0.005);
      expect(values.beta).toBeLessThanOrEqual(0.05);
      // Printed as the author wrote the grid: 0.012, never 0.012000000000000002.
      expect(String(values.beta)).toMatch(/^0\.0\d{1,2}$/);
      expect(params.t.choices).toContain(values.t);
    }
  });

  it('differs across attempts: 40 seeds give many variants', () => {
    const variants = new Set(SEEDS.map((s) => JSON.stringify(drawParams(params, String(s)))));
    expect(variants.size).toBeGreaterThan(30);
  });

  it('has corners at each end of every parameter, and fills placeholders', () => {
    expect(paramCorners(params)).toContainEqual({ beta: 0.005, t: 5 });
    expect(paramCorners(params)).toContainEqual({ beta: 0.05, t: 100 });
    expect(paramCorners(params)).toHaveLength(4);
    expect(fillPlaceholders('$\\beta = {{beta}}$ at $t = {{ t }}$, {{other}}', { beta: 0.02, t: 50 })).toBe('$\\beta = 0.02$ at $t = 50$, {{other}}');
  });
});

describe('a numeric question with per-student numbers', () => {
  it('shows each attempt its own numbers, and nothing of the answer or the ranges', () => {
    const prompts = SEEDS.map((seed) => toPublicQuiz(quiz, seed).questions.find((q) => q.id === bitsPerDim.id)!);
    expect(new Set(prompts.map((q) => q.prompt)).size).toBeGreaterThan(30);
    const { D, logp } = attemptParams(bitsPerDim, SEEDS[0]);
    expect(prompts[0].prompt).toContain(`$D = ${D}$`);
    expect(prompts[0].prompt).toContain(`= ${logp}$ nats`);
    expect(prompts[0]).toMatchObject({ type: 'numeric', units: 'bits/dim', variant: true });
    const json = JSON.stringify(prompts);
    for (const secret of ['8 - logp', 'log(2)', 'choices', '784,3072', '"min"', 'step']) expect(json).not.toContain(secret);
  });

  it('grades each attempt against its own numbers: a classmate’s right answer is wrong for you', () => {
    const [mine, classmate] = SEEDS.filter((s, i) => i === 0 || Math.abs(rightBits(s) - rightBits(SEEDS[0])) > 0.05 * rightBits(SEEDS[0])).slice(0, 2);
    expect(scoreAnswer(bitsPerDim, rightBits(mine).toFixed(4), { seed: mine })).toMatchObject({ points: 1, correct: true });
    expect(scoreAnswer(bitsPerDim, `${rightBits(mine).toPrecision(4)} bits/dim`, { seed: mine }).points).toBe(1);
    expect(scoreAnswer(bitsPerDim, rightBits(classmate).toFixed(4), { seed: mine })).toMatchObject({ points: 0, correct: false });
    expect(scoreAnswer(bitsPerDim, rightBits(classmate).toFixed(4), { seed: classmate }).points).toBe(1);
    // The quiz as submitted: the same seed the page was shown with.
    expect(scoreQuiz(quiz, { [bitsPerDim.id]: rightBits(mine).toFixed(4) }, mine).questions.find((q) => q.questionId === bitsPerDim.id)!.points).toBe(1);
  });

  it('sends an answer scored without the attempt’s seed to a human rather than guessing numbers', () => {
    expect(scoreAnswer(bitsPerDim, '7.5')).toMatchObject({ points: 0, needsReview: true, correct: null });
  });

  it('tells staff the attempt’s numbers, its prompt and the right answer', () => {
    const variant = attemptVariant(bitsPerDim, SEEDS[0])!;
    expect(variant.params).toEqual(attemptParams(bitsPerDim, SEEDS[0]));
    expect(variant.prompt).toBe(toPublicQuiz(quiz, SEEDS[0]).questions.find((q) => q.id === bitsPerDim.id)!.prompt);
    expect(variant.expected).toBe(`${Number(rightBits(SEEDS[0]).toPrecision(6))} bits/dim (± 0.02 %)`);
    expect(attemptVariant(question('triplet-value'), SEEDS[0])).toBeNull();
  });
});

describe('a formula question with per-student numbers', () => {
  const rightKl = (seed: number) => `0.5 * (${attemptParams(klFormula, seed).mu}^2 + exp(lv) - lv - 1)`;

  it('accepts the formula with the student’s own number written in, in any equivalent form', () => {
    const seed = SEEDS[3];
    const { mu } = attemptParams(klFormula, seed);
    expect(scoreAnswer(klFormula, rightKl(seed), { seed })).toMatchObject({ points: 2, correct: true });
    expect(scoreAnswer(klFormula, `(exp(lv) - 1 - lv)/2 + ${Number((mu * mu).toFixed(4))}/2`, { seed }).points).toBe(2);
  });

  it('refuses another attempt’s number and the parameter’s name', () => {
    const seed = SEEDS[3];
    const other = SEEDS.find((s) => attemptParams(klFormula, s).mu !== attemptParams(klFormula, seed).mu)!;
    expect(scoreAnswer(klFormula, rightKl(other), { seed }).points).toBe(0);
    expect(scoreAnswer(klFormula, '0.5 * (mu^2 + exp(lv) - lv - 1)', { seed }).feedback).toMatch(/^unknown variable mu; use lv/);
  });

  it('shows the prompt with μ filled in and the variable names, not the reference', () => {
    const pub = toPublicQuiz(quiz, SEEDS[3]).questions.find((q) => q.id === klFormula.id)!;
    expect(pub.prompt).toContain(`$\\mu = ${attemptParams(klFormula, SEEDS[3]).mu}$`);
    expect(pub).toMatchObject({ type: 'formula', variables: ['lv'], variant: true });
    expect(JSON.stringify(pub)).not.toContain('exp(lv)');
  });
});

describe('authoring checks', () => {
  const base = { type: 'numeric', prompt: 'With $a = {{a}}$, what is $2a$?', answer: '2 * a', params: { a: { min: 1, max: 3, step: 1 } }, absTol: 0.01 };

  it('accepts the quiz’s own variant questions', () => {
    expect(validateQuiz(quiz)).toEqual([]);
    expect(quizWith(base).success).toBe(true);
  });

  it.each([
    [{ prompt: 'What is $2a$?' }, 'the prompt never shows {{a}}'],
    [{ prompt: 'With {{a}} and {{b}}?' }, '{{b}} is not one of the question'],
    [{ answer: 4 }, 'with params, answer is an expression'],
    [{ params: undefined }, 'an answer expression needs params'],
    [{ params: { max: { min: 1, max: 3, step: 1 } }, prompt: '{{max}}?', answer: '2' }, 'max is already a variable, function or constant'],
    [{ params: { a: { min: 3, max: 1, step: 1 } } }, 'range must have min < max'],
    [{ params: { a: { choices: [1, 1] } } }, 'choices must be distinct'],
    [{ feedback: 'It is {{a}} doubled.' }, 'placeholders work in the prompt only'],
  ])('refuses %j at load', (change, message) => {
    const parsed = quizWith({ ...base, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message).join('\n')).toContain(message);
  });

  it.each([
    [{ answer: 'log(a - 1)' }, 'the answer expression is not a finite number at a = 1'],
    [{ answer: '2 * b' }, 'the answer expression does not parse: unknown variable b'],
    [{ answer: 'a - a + 1' }, 'the answer is the same for every variant'],
    [{ answer: 'a - 1', absTol: undefined, relTol: 0.01 }, 'the answer is 0 at a = 1, where relTol alone accepts nothing'],
  ])('flags %j in validation', (change, message) => {
    const parsed = quizWith({ ...base, ...change });
    expect(parsed.success).toBe(true);
    expect(validateQuiz(parsed.data!).join('\n')).toContain(message);
  });

  it('flags a formula whose reference breaks at an extreme of its params', () => {
    const q = QuestionSchema.parse({
      id: 'f',
      type: 'formula',
      concept: 'c',
      points: 1,
      prompt: 'With $k = {{k}}$?',
      answer: 'sqrt(x - k)',
      variables: { x: [0, 1] },
      params: { k: { min: 0, max: 2, step: 0.5 } },
    });
    expect(validateQuiz({ id: 'v', title: 'V', reviewThreshold: 0.6, concepts: [{ id: 'c', title: 'C' }], questions: [q] })).toEqual([
      expect.stringMatching(/^question f: the reference formula is undefined on most of its variable ranges \(at k = [12](\.5)?\)$/),
    ]);
  });
});
