import type { ConceptResult } from '../result';
import type { RubricItem, ShortQuestion } from '../schema';
import { better, compilePhrase, CONCEPT_MODE, findPhrase, MISCONCEPTION_MODE, NO_HIT, type Hit, type MatchMode, type Phrase } from './phrase';
import type { Similarity } from './similar';
import { analyse, quote, type Analysis } from './text';
import { SYNONYM_GROUPS } from './lexicon';

// Grades one short answer against its rubric and says how sure it is. Confidence is a product of
// certainties: 1 for a concept cleanly found or cleanly absent, less for the borderline cases a
// human would want to look at (half a phrasing present, a negation next to the concept, a
// contradiction of the rubric, a very short or very long answer, hits inside unrelated text).
// Penalties scale with the concept's points, since a 0.5-point concept cannot move the score past
// the ±0.5 a reviewer would tolerate.

export interface ShortGrade {
  points: number;
  confidence: number;
  concepts: ConceptResult[];
  /** Feedback lines, student-facing. */
  feedback: string[];
}

interface CompiledQuestion {
  items: { item: RubricItem; phrases: Phrase[] }[];
  misconceptions: { feedback?: string; phrases: Phrase[] }[];
  /** Stems of every word in the prompt, model answer and rubric: what "on topic" means here. */
  vocabulary: Set<string>;
}

/** This many on-topic words left unexplained make a missing concept plausible. */
const UNEXPLAINED_WORDS = 6;

const compiled = new WeakMap<ShortQuestion, CompiledQuestion>();

export function gradeShort(question: ShortQuestion, text: string): ShortGrade {
  const q = compileQuestion(question);
  const answer = analyse(text);
  if (answer.words.length === 0) {
    const concepts = question.rubric.map((r) => ({ id: r.id, label: r.label, points: r.points, found: false }));
    return { points: 0, confidence: 1, concepts, feedback: ['No answer given.'] };
  }
  const cache = new Map<string, Similarity>();
  const hits = q.items.map(({ phrases }) => bestHit(answer, phrases, cache));
  const concepts = q.items.map(({ item }, i) => outcome(item, hits[i], answer));
  const points = Math.min(question.points, concepts.reduce((s, c) => s + (c.found ? c.points : 0), 0));
  const contradictions = q.misconceptions.filter(({ phrases }) => bestHit(answer, phrases, cache, MISCONCEPTION_MODE).kind === 'match');

  let confidence = 1;
  q.items.forEach(({ item }, i) => {
    const weight = Math.min(1, item.points);
    const kind = hits[i].kind;
    if (kind === 'partial') confidence *= 1 - 0.5 * weight;
    else if (kind === 'negated') confidence *= 1 - 0.45 * weight;
    else if (kind === 'match' && hits[i].fuzzy) confidence *= 0.9;
  });
  // A contradiction can only argue for fewer points, so it matters only when some were given.
  if (contradictions.length > 0 && points > 0) confidence *= 0.4;
  confidence *= lengthCertainty(answer, points);
  confidence *= topicCertainty(answer, q.vocabulary, points);
  if (points < question.points) confidence *= unexplainedCertainty(answer, q.vocabulary, hits);

  const feedback = [
    ...question.rubric.flatMap((r, i) => (!concepts[i].found && r.feedback ? [r.feedback] : [])),
    ...contradictions.flatMap((m) => (m.feedback ? [m.feedback] : [])),
  ];
  return { points, confidence: Math.round(confidence * 1000) / 1000, concepts, feedback };
}

function bestHit(answer: Analysis, phrases: Phrase[], cache: Map<string, Similarity>, mode: MatchMode = CONCEPT_MODE): Hit {
  let best = NO_HIT;
  for (const phrase of phrases) {
    const hit = findPhrase(answer, phrase, cache, mode);
    if (better(hit, best)) best = hit;
    if (best.kind === 'match' && !best.fuzzy) break;
  }
  return best;
}

function outcome(item: RubricItem, hit: Hit, answer: Analysis): ConceptResult {
  const base = { id: item.id, label: item.label, points: item.points };
  if (hit.kind === 'none') return { ...base, found: false };
  const evidence = quote(answer, hit.from, hit.to);
  if (hit.kind === 'match') return { ...base, found: true, evidence };
  const note = hit.kind === 'negated' ? 'mentioned, but negated or reversed' : 'partly mentioned';
  return { ...base, found: false, evidence, note };
}

/** One or two words rarely show understanding; essays hide keyword stuffing. */
function lengthCertainty(answer: Analysis, points: number): number {
  if (answer.wordCount < 4 && points > 0) return 0.75;
  if (answer.wordCount > 400) return 0.5;
  if (answer.wordCount > 200) return 0.7;
  return 1;
}

/**
 * Share of the answer's content words the question's own vocabulary contains. Points earned inside
 * mostly unrelated text are suspicious; no points for a fully on-topic answer may mean a paraphrase
 * the rubric does not know. Wholly off-topic text with no points is confidently 0.
 */
function topicCertainty(answer: Analysis, vocabulary: Set<string>, points: number): number {
  const onTopic = answer.words.filter((w) => vocabulary.has(w.stem) || vocabulary.has(w.lemma)).length / answer.words.length;
  if (points > 0 && onTopic < 0.3) return 0.5;
  if (points === 0 && onTopic >= 0.5 && answer.words.length >= 6) return 0.8;
  return 1;
}

/**
 * On-topic words outside every recognised concept, while points are missing: the answer may say
 * something right in words the rubric does not know.
 */
function unexplainedCertainty(answer: Analysis, vocabulary: Set<string>, hits: Hit[]): number {
  const used = hits.filter((h) => h.kind === 'match' || h.kind === 'negated');
  const unexplained = answer.words.filter(
    (w) => (vocabulary.has(w.stem) || vocabulary.has(w.lemma)) && !used.some((h) => w.piece >= h.from && w.piece <= h.to),
  ).length;
  return unexplained >= UNEXPLAINED_WORDS ? 0.75 : 1;
}

function compileQuestion(question: ShortQuestion): CompiledQuestion {
  const cached = compiled.get(question);
  if (cached) return cached;
  const promptStems = new Set(analyse(question.prompt).words.map((w) => w.stem));
  const phrasesOf = (phrasings: string[]) => phrasings.map((p) => compilePhrase(p, promptStems));
  const items = question.rubric.map((item) => ({ item, phrases: phrasesOf(item.phrasings) }));
  const misconceptions = question.misconceptions.map((m) => ({ feedback: m.feedback, phrases: phrasesOf(m.phrasings) }));
  const vocabulary = new Set(promptStems);
  for (const w of analyse(question.modelAnswer).words) vocabulary.add(w.stem);
  for (const { phrases } of [...items, ...misconceptions]) {
    for (const term of phrases.flatMap((p) => p.terms)) for (const alt of term.alts) vocabulary.add(alt.stem);
  }
  for (const group of SYNONYM_GROUPS) {
    const words = group.flatMap((w) => analyse(w).words);
    if (words.some((w) => vocabulary.has(w.stem))) words.forEach((w) => vocabulary.add(w.stem));
  }
  const result = { items, misconceptions, vocabulary };
  compiled.set(question, result);
  return result;
}
