import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizedTokens } from './tokenize';
import { findSimilarPairs } from './similarity';

const read = (file: string) => readFileSync(path.join(process.cwd(), file), 'utf8');
const stubOf = (slug: string) => read(`exercises/${slug}/stub.js`);

// The reference NT-Xent loss as a student might disguise it: every local renamed, comments added,
// layout changed, `2 * n` written as `n * 2`'s neighbour `2*n`, one extra line.
const REFERENCE = read('exercises/nt-xent-loss/reference.js');
const DISGUISED = `
/* my own solution */
function ntXentLoss(a, b, tau)
{
  return tf.tidy(() => {
    const size = a.shape[0]; // batch
    const both = tf.concat([a, b], 0);
    const normed = tf.div(both, tf.norm(both, 'euclidean', 1, true));
    const s = tf.div(tf.matMul(normed, normed, false, true), tau);
    const diag = tf.cast(tf.eye(2*size), 'bool');
    const masked = tf.where(diag, tf.fill([2*size, 2*size], -Infinity), s);
    console.log('debug');
    const idx = [];
    for (let k = 0; k < 2*size; k++) idx.push((k + size) % (2*size));
    const pos = tf.sum(tf.mul(s, tf.oneHot(tf.tensor1d(idx, "int32"), 2*size)), 1);
    return tf.mean(tf.sub(tf.logSumExp(masked, 1), pos));
  });
}`;

describe('normalizedTokens', () => {
  it('erases names, literals, comments and layout but keeps keywords, operators and property names', () => {
    expect(normalizedTokens('const dPos = x.sum(-1); // why\n/* more */ return "a" + `b${c}`;')).toEqual(['const', 'V', '=', 'V', '.', 'sum', '(', '-', 'N', ')', ';', 'return', 'S', '+', 'S', ';']);
    expect(normalizedTokens('a === b ?. c')).toEqual(['V', '===', 'V', '?.', 'c']);
  });

  it('never throws on half-written code', () => {
    expect(normalizedTokens('function f( { "unterminated').length).toBeGreaterThan(0);
    expect(normalizedTokens('/* open comment')).toEqual([]);
  });
});

describe('findSimilarPairs', () => {
  it('flags a renamed and reformatted copy', () => {
    const [pair] = findSimilarPairs(
      [
        { id: 'ada', source: REFERENCE },
        { id: 'ben', source: DISGUISED },
      ],
      { given: stubOf('nt-xent-loss') },
    );
    expect(pair).toMatchObject({ a: 'ada', b: 'ben' });
    expect(pair.containment).toBeGreaterThan(0.8);
  });

  it('flags a copy padded with unrelated code (containment, not Jaccard)', () => {
    const padded =
      `${DISGUISED}\nfunction helper(x) { const y = x * 2; if (y > 3) { return [y, y + 1, y - 1]; } return null; }\n` +
      Array.from({ length: 8 }, (_, i) => `const pad${i} = tf.tensor1d([${i}, ${i + 1}]).add(tf.scalar(${i})).mul(${i}).relu().sum();`).join('\n');
    const [pair] = findSimilarPairs(
      [
        { id: 'ada', source: REFERENCE },
        { id: 'ben', source: padded },
      ],
      { given: stubOf('nt-xent-loss') },
    );
    expect(pair.containment).toBeGreaterThan(0.8);
    expect(pair.jaccard).toBeLessThan(pair.containment);
  });

  // Every fixture folder's independently written correct solutions plus the reference: same exercise,
  // same API, often the same function name — and still not one pair flagged.
  const slugs = readdirSync('tests/fixtures').filter((slug) => {
    try {
      return readdirSync(`tests/fixtures/${slug}`).some((f) => f.startsWith('correct'));
    } catch {
      return false;
    }
  });
  it.each(slugs)('does not flag independent correct solutions of %s', (slug) => {
    const documents = [
      { id: 'reference', source: read(`exercises/${slug}/reference.js`) },
      ...readdirSync(`tests/fixtures/${slug}`)
        .filter((f) => f.startsWith('correct'))
        .map((f) => ({ id: f, source: read(`tests/fixtures/${slug}/${f}`) })),
    ];
    expect(documents.length).toBeGreaterThanOrEqual(3);
    expect(findSimilarPairs(documents, { given: stubOf(slug) })).toEqual([]);
  });

  it('ignores the stub: two students who submitted it untouched are not a pair', () => {
    const stub = stubOf('triplet-loss');
    expect(
      findSimilarPairs(
        [
          { id: 'ada', source: stub },
          { id: 'ben', source: stub.replace(/\s+/g, ' ') },
        ],
        { given: stub },
      ),
    ).toEqual([]);
  });
});
