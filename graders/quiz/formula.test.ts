import { describe, expect, it } from 'vitest';
import { QuestionSchema } from './schema';
import { scoreAnswer } from './score';

const triplet = QuestionSchema.parse({
  id: 'triplet-formula',
  type: 'formula',
  concept: 'c',
  points: 2,
  prompt: 'Triplet loss?',
  answer: 'max(0, dAP - dAN + m)',
  variables: { dAP: [0, 2], dAN: [0, 2], m: [0.05, 1] },
});

describe('formula answers', () => {
  it.each(['max(0, dAP - dAN + m)', 'max(dAP - dAN + m, 0)', 'max(0, m + dAP - dAN)', 'relu(dAP + m - dAN)', '(dAP - dAN + m + abs(dAP - dAN + m)) / 2', 'max(0,dAP-(dAN-m))'])(
    'accepts the equivalent %s',
    (text) => {
      expect(scoreAnswer(triplet, text)).toMatchObject({ points: 2, correct: true });
    },
  );

  it.each(['dAP - dAN + m', 'max(0, dAN - dAP + m)', 'max(0, dAP - dAN - m)', 'max(0, dAP - dAN)'])('rejects the different %s with a counterexample', (text) => {
    const result = scoreAnswer(triplet, text);
    expect(result.points).toBe(0);
    expect(result.feedback).toMatch(/^not equivalent to the expected formula: for dAP = [\d.]+, dAN = [\d.]+, m = [\d.]+ yours gives/);
  });

  it('names an unknown variable and the allowed ones', () => {
    expect(scoreAnswer(triplet, 'max(0, dAB - dAN + m)').feedback).toMatch(/^unknown variable dAB; use dAP, dAN, m/);
  });

  it('reports a parse error with its position', () => {
    expect(scoreAnswer(triplet, 'max(0, dAP - dAN + ').feedback).toMatch(/^could not read the formula at character \d+: /);
  });

  it('explains the usual slips', () => {
    expect(scoreAnswer(triplet, 'L = max(0, dAP - dAN + m)').feedback).toMatch(/^write only the expression/);
    expect(scoreAnswer(triplet, 'max(0, d(A,P) - d(A,N) + m)').feedback).toMatch(/^d\(…\) is not a function you can use here/);
    expect(scoreAnswer(triplet, 'max').feedback).toMatch(/^max is a function/);
  });

  it.each([
    ['import({})', /import\(…\) is not a function/],
    ['evaluate("1")', /evaluate\(…\) is not a function/],
    ['parse("1+1")', /parse\(…\) is not a function/],
    ['createUnit("foo")', /createUnit\(…\) is not a function/],
    ['f(x) = x', /write only the expression/],
    ['dAP = 1', /write only the expression/],
    ['{a: 1}', /an object/],
    ['[1, 2]', /a matrix or list/],
    ['dAP[1]', /indexing/],
    ['dAP.constructor', /property access/],
    ['dAP ? 1 : 0', /a condition/],
    // Inherited names of a plain object are not constants: no "function Object()" in the scope.
    ['constructor', /unknown variable constructor/],
    ['toString + dAP', /unknown variable toString/],
    ['__proto__', /unknown variable __proto__/],
    ['"abc"', /only numbers are allowed/],
    ['dAP; dAN', /single expression/],
    ['1:3', /a range/],
    ['dAP == dAN', /operator == is not allowed/],
    ['('.repeat(200) + 'dAP' + ')'.repeat(200), /nested more than 40 levels/],
    ['-'.repeat(499) + 'm', /^not equivalent/],
  ])('refuses or safely handles %s', (text, message) => {
    const result = scoreAnswer(triplet, text);
    expect(result.points).toBe(0);
    expect(result.feedback).toMatch(message);
  });

  it('gives 0 with a message for non-strings and oversized input', () => {
    expect(scoreAnswer(triplet, 42).feedback).toBe('type a formula');
    expect(scoreAnswer(triplet, 'm+'.repeat(1000) + 'm').feedback).toBe('a formula may have at most 500 characters');
  });
});
