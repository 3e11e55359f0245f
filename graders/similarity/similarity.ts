import { fingerprint, kgramHashes } from './fingerprint';

export type Document = { id: string; source: string };
export type SimilarPair = { a: string; b: string; jaccard: number; containment: number; shared: number };

export type SimilarityOptions = {
  /** The stub students started from: its k-grams are nobody's own work. */
  given?: string;
  /** Flag when the shared fraction of the smaller program reaches this (default 0.6). */
  threshold?: number;
  /** Programs with fewer own fingerprints say too little to compare (default 6). */
  minFingerprints?: number;
};

/**
 * Pairs of programs that share a suspicious share of their fingerprints, most similar first — a list
 * for a human to read side by side, never a verdict. The score is containment (shared / the smaller
 * fingerprint set), so a copy padded with extra code is still caught; Jaccard is reported alongside.
 * An inverted index keeps it near-linear: only pairs that share a fingerprint are ever counted.
 */
export function findSimilarPairs(documents: Document[], options: SimilarityOptions = {}): SimilarPair[] {
  const threshold = options.threshold ?? 0.6;
  const minFingerprints = options.minFingerprints ?? 6;
  const given = new Set(options.given ? kgramHashes(options.given) : []);
  const prints = documents.map((d) => fingerprint(d.source, given));

  const holders = new Map<number, number[]>();
  prints.forEach((set, index) => {
    if (set.size < minFingerprints) return;
    for (const h of set) {
      const list = holders.get(h);
      if (list) list.push(index);
      else holders.set(h, [index]);
    }
  });
  // Keyed x * n + y (x < y): a number, not a string, since a class of 500 has 125 000 possible pairs.
  const n = documents.length;
  const shared = new Map<number, number>();
  for (const indexes of holders.values()) {
    for (let x = 0; x < indexes.length; x++) {
      for (let y = x + 1; y < indexes.length; y++) {
        const key = indexes[x] * n + indexes[y];
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }

  const pairs: SimilarPair[] = [];
  for (const [key, count] of shared) {
    const x = Math.floor(key / n);
    const y = key % n;
    const containment = count / Math.min(prints[x].size, prints[y].size);
    if (containment < threshold) continue;
    const jaccard = count / (prints[x].size + prints[y].size - count);
    pairs.push({ a: documents[x].id, b: documents[y].id, jaccard: round(jaccard), containment: round(containment), shared: count });
  }
  return pairs.sort((p, q) => q.containment - p.containment || q.jaccard - p.jaccard);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
