import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import {
  CLAUSE_ENDERS,
  COUNTERFACTUAL_MODALS,
  COUNTERFACTUAL_OPENERS,
  JOINING_PUNCTUATION,
  NEGATION_CANCELLERS,
  NEGATION_CUES,
  NEGATION_PAIRS,
  NEGATION_REACH,
  NOMINAL_CUES,
  NOUN_JOINERS,
  SENTENCE_PUNCTUATION,
  STOP_WORDS,
} from './lexicon';

// Turns free text into content words (lemma + Porter stem) that know their sentence and whether a
// negation cue governs them. Student answers and rubric phrasings go through the same function, so
// inflection, spelling variants the lemmatizer knows ("labelled") and case never matter.

const nlp = winkNLP(model);
const its = nlp.its;
// wink numbers its lexicon's words first and every unknown word after them, in order of first sight;
// the first unknown word this private instance ever reads marks the boundary.
const FIRST_UNKNOWN_ID = nlp.readDoc('qzxjvkwq').tokens().out(its.uniqueId)[0] as number;

const knownLowercase = new Map<string, boolean>();

/** The lexicon is case-sensitive ("Sampling" is unknown, "sampling" is not): ask again in lowercase. */
function isKnown(id: number, surface: string): boolean {
  if (id < FIRST_UNKNOWN_ID) return true;
  const lower = surface.toLowerCase();
  if (lower === surface) return false;
  let known = knownLowercase.get(lower);
  if (known === undefined) {
    known = (nlp.readDoc(lower).tokens().out(its.uniqueId)[0] as number) < FIRST_UNKNOWN_ID;
    if (knownLowercase.size < 10_000) knownLowercase.set(lower, known);
  }
  return known;
}

export interface Word {
  /** Lowercase surface form, for edit-distance matching of misspellings. */
  word: string;
  lemma: string;
  stem: string;
  sentence: number;
  /** Clauses end at commas and at and/but/while/whereas…: "VAEs are fast, diffusion is slow" has two. */
  clause: number;
  /** In wink's English lexicon: a real word, so never treated as a typo of another one ("sample" vs "simple"). */
  known: boolean;
  /** Inside the scope of not/no/without/never… */
  negated: boolean;
  /**
   * In a counterfactual ("Otherwise the likelihood would not be bounded", "Without it the model could not…"):
   * the answer says what goes wrong without the thing, so a negation there neither denies nor asserts a claim.
   */
  counterfactual: boolean;
  /** In a comparison's clause, before / after its "than": "small steps are easier [before] than one big step [after]". */
  comparison: 'before' | 'after' | null;
  /** Index into `Analysis.pieces`, to quote the student's own words as evidence. */
  piece: number;
}

/** What a sentence is made of, for telling sentences from lists of terms and formulas. */
export interface SentenceForm {
  /** A verb or auxiliary (wink's POS tag): something is claimed. */
  verb: boolean;
  /** Determiners, prepositions, pronouns, conjunctions…: words that only sentences need. */
  functionWords: number;
  /** Content words (the ones in `words`). */
  contentWords: number;
  /** Math symbols (= + − * / ^ < >): a formula, when there is no verb. */
  symbols: number;
  /** Commas: list separators, in a sentence without function words. */
  commas: number;
  /** First and last piece, to quote the sentence as evidence. */
  from: number;
  to: number;
}

export interface Analysis {
  words: Word[];
  /** Every token with its preceding whitespace, punctuation included. */
  pieces: { text: string; space: string }[];
  /** Words before stop-word removal, to tell very short and very long answers apart. */
  wordCount: number;
  /** Indexed by `Word.sentence`. */
  sentences: SentenceForm[];
}

const MATH = new Set(['=', '+', '-', '−', '*', '/', '^', '<', '>', '≤', '≥', '|', '~']);
const FUNCTION_POS = new Set(['DET', 'ADP', 'AUX', 'PRON', 'SCONJ', 'CCONJ', 'PART']);

export function analyse(text: string): Analysis {
  const doc = nlp.readDoc(text.normalize('NFKC'));
  const tokens = doc.tokens();
  const surface = tokens.out();
  // wink-nlp 2.4's typings declare lemma/stem with the wrong parameter list; at run time they are token its-functions.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const stems = tokens.out(its.stem as unknown as ItsFunction<string>) as string[];
  const types = tokens.out(its.type);
  const spaces = tokens.out(its.precedingSpaces);
  const ids = tokens.out(its.uniqueId) as number[];
  const pos = tokens.out(its.pos) as string[];
  const sentences: SentenceForm[] = [];
  const form = (n: number, piece: number) => (sentences[n] ??= { verb: false, functionWords: 0, contentWords: 0, symbols: 0, commas: 0, from: piece, to: piece });

  /** A verb before the next punctuation or clause-ending word after token i. */
  const verbAhead = (i: number) => {
    for (let j = i + 1; j < surface.length; j++) {
      const t = surface[j].toLowerCase();
      if ((types[j] !== 'word' && types[j] !== 'number' && !JOINING_PUNCTUATION.has(t)) || CLAUSE_ENDERS.has(t)) return false;
      if (pos[j] === 'VERB' || pos[j] === 'AUX') return true;
    }
    return false;
  };
  /** The next token after i, past determiners, is a noun. */
  const nounAhead = (i: number) => {
    let j = i + 1;
    while (j < surface.length && pos[j] === 'DET') j++;
    return pos[j] === 'NOUN' || pos[j] === 'PROPN';
  };
  const words: Word[] = [];
  let sentence = 0;
  let clause = 0;
  let scopeLeft = 0;
  // "instead of X", "without X" negate a noun phrase: the verb after it is the clause's own ("instead of steps, one go is easier").
  let nominalScope = false;
  // A cue right before "because"/"since" negates the reason: "it is not because one step is hard".
  let cueJustSeen = false;
  let wordCount = 0;
  /** Sentences opened by "without"/"if not" that use would/could: counterfactual as a whole. */
  const conditionalSentences = new Set<number>();
  const modalSentences = new Set<number>();
  const counterfactualClauses = new Set<number>();
  const thanPieces: { clause: number; piece: number }[] = [];
  let sentenceStarted = -1;
  let clauseStarted = -1;
  for (let i = 0; i < surface.length; i++) {
    const lower = surface[i].toLowerCase();
    const lemma = lemmas[i].toLowerCase();
    if (spaces[i].includes('\n') && i > 0) {
      sentence++;
      clause++;
      scopeLeft = 0;
    }
    if (MATH.has(surface[i])) form(sentence, i).symbols++;
    if (surface[i] === ',') form(sentence, i).commas++;
    if (types[i] !== 'word' && types[i] !== 'number') {
      if (SENTENCE_PUNCTUATION.has(lower)) sentence++;
      if (!JOINING_PUNCTUATION.has(lower)) {
        clause++;
        scopeLeft = 0;
      }
      continue;
    }
    wordCount++;
    const f = form(sentence, i);
    f.to = i;
    if (pos[i] === 'VERB' || pos[i] === 'AUX') f.verb = true;
    if (FUNCTION_POS.has(pos[i])) f.functionWords++;
    const next = (surface[i + 1] ?? '').toLowerCase();
    if (sentenceStarted !== sentence) {
      sentenceStarted = sentence;
      if (COUNTERFACTUAL_OPENERS.has(lower)) conditionalSentences.add(sentence);
    }
    if (clauseStarted !== clause) {
      clauseStarted = clause;
      if (lower === 'otherwise' || lower === 'else') counterfactualClauses.add(clause);
    }
    if (COUNTERFACTUAL_MODALS.has(lower)) modalSentences.add(sentence);
    if (lower === 'than') thanPieces.push({ clause, piece: i });
    const wasCue = cueJustSeen;
    cueJustSeen = false;
    if (NEGATION_PAIRS.get(lower) === next) {
      scopeLeft = NEGATION_REACH;
      nominalScope = true;
      cueJustSeen = true;
      i++; // "than"/"of" belong to the cue and must not end its scope
      continue;
    }
    if (NEGATION_CUES.has(lower) || NEGATION_CUES.has(lemma)) {
      // "not only X" asserts X; "non-invertible" negates just the next word.
      if (!NEGATION_CANCELLERS.has(next)) {
        scopeLeft = lower === 'non' ? 1 : NEGATION_REACH;
        nominalScope = NOMINAL_CUES.has(lower);
        cueJustSeen = true;
      }
      continue;
    }
    // "and" joining two nouns without a verb after them is one noun phrase ("the scale and shift networks");
    // before a verb or a predicate ("close to the positive and far from the negative") it joins clauses.
    if (CLAUSE_ENDERS.has(lower) && !(NOUN_JOINERS.has(lower) && nounAhead(i) && !verbAhead(i))) {
      clause++;
      if (!(wasCue && (lower === 'because' || lower === 'since'))) scopeLeft = 0;
    }
    // A finite verb after a noun phrase cue starts the predicate the cue does not reach; a gerund ("without needing labels") is still its object.
    if (nominalScope && scopeLeft > 0 && (pos[i] === 'AUX' || (pos[i] === 'VERB' && !lower.endsWith('ing')))) scopeLeft = 0;
    // Notation read as the word it stands for: "a bound on log p(x)" is a bound on the likelihood.
    if (lower === 'p' && surface[i + 1] === '(' && surface[i + 2]?.toLowerCase() === 'x' && surface[i + 3] === ')') {
      const negated = scopeLeft > 0;
      if (scopeLeft > 0) scopeLeft--;
      f.contentWords++;
      words.push({ word: 'likelihood', lemma: 'likelihood', stem: 'likelihood', known: true, sentence, clause, negated, counterfactual: false, comparison: null, piece: i });
      i += 3;
      continue;
    }
    if (STOP_WORDS.has(lower) || STOP_WORDS.has(lemma)) continue;
    const negated = scopeLeft > 0;
    if (scopeLeft > 0) scopeLeft--;
    f.contentWords++;
    words.push({ word: lower, lemma, stem: stems[i].toLowerCase(), known: isKnown(ids[i], surface[i]), sentence, clause, negated, counterfactual: false, comparison: null, piece: i });
  }
  for (const w of words) {
    const than = thanPieces.find((t) => t.clause === w.clause);
    if (than) w.comparison = w.piece < than.piece ? 'before' : 'after';
  }
  for (const w of words) w.counterfactual = counterfactualClauses.has(w.clause) || (conditionalSentences.has(w.sentence) && modalSentences.has(w.sentence));
  for (let n = 0; n < sentence + 1; n++) sentences[n] ??= { verb: false, functionWords: 0, contentWords: 0, symbols: 0, commas: 0, from: 0, to: -1 };
  return { words, pieces: surface.map((text, i) => ({ text, space: spaces[i] })), wordCount, sentences };
}

/** The student's text from piece `from` to piece `to`, as they wrote it (capped for display). */
export function quote(analysis: Analysis, from: number, to: number): string {
  const text = analysis.pieces
    .slice(from, to + 1)
    .map((p, i) => (i === 0 ? p.text : p.space.replace(/\s+/g, ' ') + p.text))
    .join('');
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
