import { SYNONYM_GROUPS } from './lexicon';
import { analyse, type Word } from './text';

// When does a word of the answer stand for a word of a phrasing? Same lemma or stem, a shared
// synonym group, or a small typo. A typo is a word outside wink's lexicon that keeps the first
// letter and is one or two edits away: that catches "dequantisaton" or "jacobain" while keeping
// "encoder"/"decoder", "positive"/"negative" and "sample"/"simple" apart.

export type Similarity = 'exact' | 'fuzzy' | null;

export interface WordForm {
  word: string;
  lemma: string;
  stem: string;
}

let groupsByKey: Map<string, Set<number>> | undefined;

function synonymGroups(): Map<string, Set<number>> {
  if (groupsByKey) return groupsByKey;
  groupsByKey = new Map();
  SYNONYM_GROUPS.forEach((group, g) => {
    for (const entry of group) {
      for (const w of [{ word: entry, lemma: entry, stem: entry }, ...analyse(entry).words]) {
        for (const key of [w.word, w.lemma, w.stem]) {
          const set = groupsByKey!.get(key) ?? new Set<number>();
          set.add(g);
          groupsByKey!.set(key, set);
        }
      }
    }
  });
  return groupsByKey;
}

function groupsOf(w: WordForm): Set<number> {
  const map = synonymGroups();
  return new Set([...(map.get(w.stem) ?? []), ...(map.get(w.lemma) ?? []), ...(map.get(w.word) ?? [])]);
}

export function similarity(answer: Word, term: WordForm): Similarity {
  if (answer.stem === term.stem || answer.lemma === term.lemma || answer.word === term.word) return 'exact';
  const termGroups = groupsOf(term);
  if (termGroups.size > 0) {
    for (const g of groupsOf(answer)) if (termGroups.has(g)) return 'exact';
  }
  if (!answer.known && (nearMiss(answer.word, term.word) || nearMiss(answer.stem, term.stem))) return 'fuzzy';
  return null;
}

/** Within 1 edit (2 from 9 letters), same first letter, at least 5 letters: a typo, not another word. */
export function nearMiss(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5 || a[0] !== b[0]) return false;
  const limit = shorter >= 9 ? 2 : 1;
  if (Math.abs(a.length - b.length) > limit) return false;
  return editDistance(a, b, limit) <= limit;
}

/** Optimal string alignment distance (Levenshtein + adjacent swaps), giving up past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}
