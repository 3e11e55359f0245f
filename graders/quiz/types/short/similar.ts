import { ANTONYMS, SYNONYM_GROUPS } from './lexicon';
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
  if (shareGroup(answer, term)) return 'exact';
  // The same negative prefix on synonyms: "unannotated" stands for "unlabelled" as "annotated" does for "labelled".
  const a = unprefixed(answer.word);
  const t = unprefixed(term.word);
  if (a && t && (a.stem === t.stem || a.lemma === t.lemma || shareGroup(a, t))) return 'exact';
  if (!answer.known) {
    // A typo of the term or of one of its synonyms ("eaiser" for "easier" when the rubric says "easy"), plural or not ("representashions").
    const typed = [answer.word, answer.stem, ...(answer.word.endsWith('s') ? [answer.word.slice(0, -1)] : [])];
    const targets = [term.word, term.stem, ...synonymsOf(term)];
    if (typed.some((a) => targets.some((t) => nearMiss(a, t)))) return 'fuzzy';
  }
  return null;
}

const synonymCache = new Map<string, string[]>();

/** The words of the term's synonym groups, as written there. */
function synonymsOf(term: WordForm): string[] {
  let words = synonymCache.get(term.word);
  if (!words) {
    words = [...groupsOf(term)].flatMap((g) => SYNONYM_GROUPS[g]).filter((w) => w !== term.word);
    synonymCache.set(term.word, words);
  }
  return words;
}

function shareGroup(answer: WordForm, term: WordForm): boolean {
  const termGroups = groupsOf(term);
  if (termGroups.size === 0) return false;
  for (const g of groupsOf(answer)) if (termGroups.has(g)) return true;
  return false;
}

const unprefixedCache = new Map<string, WordForm | null>();

/** "unlabelled" → the forms of "labelled"; null for words without the prefix or too short to have one. */
function unprefixed(word: string): WordForm | null {
  if (!word.startsWith('un') || word.length < 7) return null;
  let form = unprefixedCache.get(word);
  if (form === undefined) {
    const w = analyse(word.slice(2)).words;
    form = w.length === 1 ? { word: w[0].word, lemma: w[0].lemma, stem: w[0].stem } : null;
    if (unprefixedCache.size < 10_000) unprefixedCache.set(word, form);
  }
  return form;
}

let antonymGroups: Map<number, Set<number>> | undefined;

/** An answer word from a group opposite to one of the term's ("easy" for "hard"): said under a negation, it states the term. */
export function isAntonym(answer: WordForm, term: WordForm): boolean {
  if (!antonymGroups) {
    antonymGroups = new Map();
    const groupOf = (word: string) => SYNONYM_GROUPS.findIndex((g) => g.includes(word));
    for (const [x, y] of ANTONYMS) {
      const [gx, gy] = [groupOf(x), groupOf(y)];
      antonymGroups.set(gx, new Set([...(antonymGroups.get(gx) ?? []), gy]));
      antonymGroups.set(gy, new Set([...(antonymGroups.get(gy) ?? []), gx]));
    }
  }
  const answerGroups = groupsOf(answer);
  for (const g of groupsOf(term)) for (const opposite of antonymGroups.get(g) ?? []) if (answerGroups.has(opposite)) return true;
  return false;
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
