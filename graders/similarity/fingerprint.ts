import { normalizedTokens } from './tokenize';

/** Tokens per k-gram: long enough that a shared one means shared code, short enough for 10-line solutions. */
export const K = 6;
/** Winnowing window: any shared run of K + W − 1 tokens is guaranteed to share a fingerprint. */
export const W = 4;

// FNV-1a over the k-gram's tokens: cheap, stable across processes, and good enough for sets of a few hundred.
function hashGram(tokens: string[], start: number): number {
  let h = 0x811c9dc5;
  for (let t = start; t < start + K; t++) {
    const token = tokens[t];
    for (let j = 0; j < token.length; j++) h = Math.imul(h ^ token.charCodeAt(j), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193); // separator, so ["ab","c"] and ["a","bc"] differ
  }
  return h >>> 0;
}

/** The hash of every k-gram, in order. */
export function kgramHashes(source: string): number[] {
  const tokens = normalizedTokens(source);
  const hashes: number[] = [];
  for (let start = 0; start + K <= tokens.length; start++) hashes.push(hashGram(tokens, start));
  return hashes;
}

/**
 * Winnowing (Schleimer, Wilkerson & Aiken 2003): the minimum hash of every window of W consecutive
 * k-grams (rightmost on ties) — a small sample of the document that two copies are sure to share.
 * A program shorter than one window keeps all its k-grams.
 */
export function winnow(hashes: number[]): Set<number> {
  const picked = new Set<number>();
  if (hashes.length <= W) {
    for (const h of hashes) picked.add(h);
    return picked;
  }
  for (let start = 0; start + W <= hashes.length; start++) {
    let min = start;
    for (let j = start + 1; j < start + W; j++) if (hashes[j] <= hashes[min]) min = j;
    picked.add(hashes[min]);
  }
  return picked;
}

/** The fingerprints of `source` minus any k-gram of the code students were given. */
export function fingerprint(source: string, given: ReadonlySet<number> = new Set()): Set<number> {
  const own = winnow(kgramHashes(source));
  for (const h of given) own.delete(h);
  return own;
}
