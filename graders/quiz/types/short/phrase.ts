import { isAntonym, similarity, type Similarity, type WordForm } from './similar';
import { analyse, type Analysis, type Word } from './text';

// A phrasing ("add|inject noise discrete") is a bag of terms that must all appear in one sentence of
// the answer, in any order, within a window a few words wider than the phrasing. Each term carries
// the polarity it needs: words after not/no/without in a phrasing must be negated in the answer
// ("no label" matches "without any labels"), all other words must not be ("add noise" does not
// match "it does not add noise").

/** Extra words a match may straddle: "adds a little uniform noise" still matches "add noise". */
const SLACK = 3;
/** How far apart a phrasing's words may be and still count as a partial mention. */
const PARTIAL_REACH = 30;
const CUE = /^(not|no|never|without|none|cannot|\w+n't)$/;

export interface Term {
  alts: WordForm[];
  negated: boolean;
  /** False for words the prompt already uses: echoing them proves nothing. */
  informative: boolean;
}

export interface Phrase {
  source: string;
  terms: Term[];
}

export interface Hit {
  /** match: every term with the right polarity; negated: every term, some with the wrong polarity;
   *  partial: at least half the informative terms; none: less. */
  kind: 'match' | 'negated' | 'partial' | 'none';
  coverage: number;
  fuzzy: boolean;
  /** Matched through an antonym under the other polarity ("not far" for "close"): a claim restated, never a swap. */
  opposite?: boolean;
  /** Pieces of the answer to quote. */
  from: number;
  to: number;
}

export const NO_HIT: Hit = { kind: 'none', coverage: 0, fuzzy: false, from: 0, to: 0 };
const RANK = { match: 3, negated: 2, partial: 1, none: 0 };

export function compilePhrase(source: string, promptStems: ReadonlySet<string>): Phrase {
  let negated = false;
  const terms: Term[] = [];
  for (const chunk of source.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (CUE.test(chunk)) {
      negated = true;
      continue;
    }
    const alts = chunk.split('|').map((alt) => analyse(alt).words);
    // Without alternatives a chunk may hold several words ("encoder-decoder"); with them, each alternative is one word.
    const groups = alts.length === 1 ? alts[0].map((w) => [w]) : [alts.flatMap((ws) => ws.slice(0, 1))];
    for (const group of groups) {
      if (group.length === 0) continue;
      const forms = group.map(({ word, lemma, stem }) => ({ word, lemma, stem }));
      terms.push({ alts: forms, negated, informative: !forms.some((f) => promptStems.has(f.stem)) });
    }
  }
  return { source, terms };
}

export interface MatchMode {
  /** Where all terms must lie. */
  unit: 'sentence' | 'clause';
  /** Terms in the phrasing's order. */
  ordered: boolean;
}

/** Concepts: anywhere in one sentence, any order. */
export const CONCEPT_MODE: MatchMode = { unit: 'sentence', ordered: false };

/**
 * Misconceptions claim who does what, so they must read in order within one clause: "VAEs are fast,
 * diffusion is slow" is not "diffusion fast", nor is "the negative is farther than the positive"
 * "positive far".
 */
export const MISCONCEPTION_MODE: MatchMode = { unit: 'clause', ordered: true };

/** Words of a phrasing that matching drops (stop words): an author who wrote them meant something else. */
export function ignoredWords(source: string): string[] {
  return source
    .toLowerCase()
    .split(/\s+/)
    .flatMap((chunk) => (CUE.test(chunk) ? [] : chunk.split('|')))
    .filter((alt) => alt && analyse(alt).words.length === 0);
}

export function findPhrase(answer: Analysis, phrase: Phrase, cache: Map<string, Similarity>, mode: MatchMode = CONCEPT_MODE): Hit {
  const { words } = answer;
  const { terms } = phrase;
  if (terms.length === 0) return NO_HIT;
  const sims = terms.map((t) => words.map((w) => bestSimilarity(w, t.alts, cache)));
  // A negated antonym states the term ("not hard" is "easy"), and an antonym states a negated term ("far" is "not close").
  const opposite = terms.map((t) => words.map((w) => w.negated !== t.negated && t.alts.some((alt) => isAntonym(w, alt))));
  // A comparison says the opposite of what is compared with: "small steps are easier than one step" states "one step is hard".
  const comparative = terms.map((t) => words.map((w) => w.comparison === 'before' && w.negated === t.negated && t.alts.some((alt) => isAntonym(w, alt))));
  const informative = terms.filter((t) => t.informative).length;
  let best = NO_HIT;
  for (let start = 0; start < words.length; start++) {
    if (!sims.some((row) => row[start]) && !opposite.some((row) => row[start]) && !comparative.some((row) => row[start])) continue;
    const inWindow: number[] = [];
    const inUnit: number[] = [];
    for (let i = start; i < Math.min(words.length, start + PARTIAL_REACH) && words[i][mode.unit] === words[start][mode.unit]; i++) {
      inUnit.push(i);
      if (i < start + terms.length + SLACK) inWindow.push(i);
    }
    const hit = windowHit(terms, words, sims, opposite, inWindow, mode.ordered) ?? comparisonHit(terms, words, sims, comparative, inWindow) ?? farApartHit(terms, words, sims, inUnit, informative);
    if (better(hit, best)) best = hit;
    if (best.kind === 'match' && !best.fuzzy) break;
  }
  return best;
}

/** Every term inside the window: a match, or a negated one when some polarity is wrong. */
function windowHit(terms: Term[], words: Word[], sims: Similarity[][], opposite: boolean[][], window: number[], ordered: boolean): Hit | null {
  const any = terms.map((_, ti) => window.filter((i) => sims[ti][i]));
  const polarityFits = (t: Term, i: number) => words[i].negated === t.negated || words[i].counterfactual;
  const right = terms.map((t, ti) => window.filter((i) => (sims[ti][i] && polarityFits(t, i)) || opposite[ti][i]));
  const rightPick = assign(right, ordered);
  const picked = rightPick ?? assign(any, ordered);
  if (!picked) return null;
  const fuzzy = picked.some((i, ti) => sims[ti][i] === 'fuzzy');
  const viaOpposite = rightPick !== null && rightPick.some((i, ti) => !(sims[ti][i] && polarityFits(terms[ti], i)));
  return { kind: rightPick ? 'match' : 'negated', coverage: 1, fuzzy, ...(viaOpposite ? { opposite: true } : {}), from: words[Math.min(...picked)].piece, to: words[Math.max(...picked)].piece };
}

/** One term stated by the comparison's antonym before "than", every other term in what it is compared with. */
function comparisonHit(terms: Term[], words: Word[], sims: Similarity[][], comparative: boolean[][], window: number[]): Hit | null {
  if (terms.length < 2) return null;
  for (let flipped = 0; flipped < terms.length; flipped++) {
    const candidates = terms.map((t, ti) =>
      ti === flipped ? window.filter((i) => comparative[ti][i]) : window.filter((i) => sims[ti][i] && words[i].comparison === 'after' && words[i].negated === t.negated),
    );
    const picked = assign(candidates, false);
    if (picked)
      return { kind: 'match', coverage: 1, fuzzy: picked.some((i, ti) => sims[ti][i] === 'fuzzy'), opposite: true, from: words[Math.min(...picked)].piece, to: words[Math.max(...picked)].piece };
  }
  return null;
}

/**
 * Short of a match: the phrasing's distinctive words are in the sentence but too far apart, or only
 * some of them are there. One word of a phrasing ("data", "sample") says nothing; two might.
 */
function farApartHit(terms: Term[], words: Word[], sims: Similarity[][], unit: number[], informative: number): Hit {
  const seen = terms.map((t, ti) => (t.informative ? unit.filter((i) => sims[ti][i]) : []));
  const covered = seen.filter((s) => s.length > 0).length;
  const coverage = informative > 0 ? covered / informative : 0;
  if (covered < 2 || coverage < 0.5) return NO_HIT;
  const positions = seen.flat();
  return { kind: 'partial', coverage, fuzzy: false, from: words[Math.min(...positions)].piece, to: words[Math.max(...positions)].piece };
}

export function better(a: Hit, b: Hit): boolean {
  if (RANK[a.kind] !== RANK[b.kind]) return RANK[a.kind] > RANK[b.kind];
  if (a.fuzzy !== b.fuzzy) return !a.fuzzy;
  return a.coverage > b.coverage;
}

function bestSimilarity(word: Word, alts: WordForm[], cache: Map<string, Similarity>): Similarity {
  let result: Similarity = null;
  for (const alt of alts) {
    const key = `${word.word}\0${word.stem}\0${alt.word}`;
    let sim = cache.get(key);
    if (sim === undefined) {
      sim = similarity(word, alt);
      cache.set(key, sim);
    }
    if (sim === 'exact') return sim;
    result ??= sim;
  }
  return result;
}

/** One distinct word per term (tiny backtracking: a handful of terms, a window of ~8 words). */
function assign(candidates: number[][], ordered: boolean, taken: number[] = []): number[] | null {
  const ti = taken.length;
  if (ti === candidates.length) return taken;
  for (const i of candidates[ti]) {
    if (taken.includes(i) || (ordered && ti > 0 && i < taken[ti - 1])) continue;
    const found = assign(candidates, ordered, [...taken, i]);
    if (found) return found;
  }
  return null;
}
