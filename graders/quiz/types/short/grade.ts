import type { ClaimEvidence, ConceptResult } from '../../result';
import type { Claim, Misconception, RubricItem, ShortQuestion } from './schema';
import { attribute, clauseOf, compileSubjects, findMentions, sentenceOf, type CompiledSubject, type Mention } from './claims';
import { checkForm, LIST_SHARE } from './form';
import { SYNONYM_GROUPS } from './lexicon';
import { better, compilePhrase, findPhrase, MISCONCEPTION_MODE, NO_HIT, type Hit, type Phrase } from './phrase';
import type { Similarity } from './similar';
import { analyse, quote, type Analysis } from './text';

// Grades one short answer against its rubric of claims and says how sure it is. An item is earned
// by a sentence that states one of its claims of the right subject (or, for items about no
// subject, one of its phrasings). The same predicate said of another subject, a claim denied while
// the item is also credited, or a misconception is a contradiction: the item earns nothing and the
// answer goes to a human. Confidence is a product of certainties: 1 for a well-formed answer whose
// claims are cleanly stated or cleanly absent, less for what a human would want to look at (a list
// of terms, half a phrasing, a predicate said of no subject, a typo, text mostly off topic).

export interface ShortGrade {
  points: number;
  confidence: number;
  concepts: ConceptResult[];
  /** Feedback lines, student-facing: what was credited, what was not and why. */
  feedback: string[];
  /** For the reviewer: why the grader is unsure. */
  reasons: string[];
}

interface CompiledClaim {
  claim: Claim;
  phrases: Phrase[];
}

interface CompiledQuestion {
  items: { item: RubricItem; free: Phrase[]; claims: CompiledClaim[] }[];
  misconceptions: { misconception: Misconception; phrases: Phrase[] }[];
  subjects: CompiledSubject[];
  /** Stems of every word in the prompt, model answer and rubric: what "on topic" means here. */
  vocabulary: Set<string>;
}

interface ItemOutcome {
  credited: ClaimEvidence[];
  wrongSubject: ClaimEvidence[];
  denied: ClaimEvidence[];
  partial: ClaimEvidence[];
  unattributed: ClaimEvidence[];
  /** Denials by phrasings about no subject: bags of words, so they count only when nothing else of the item is credited. */
  looseDenied: ClaimEvidence[];
  looseDenials: boolean;
  /** Where the credited claims were read, to drop those inside a misconception's words. */
  creditedHits: Hit[];
  fuzzy: boolean;
  /** The hit quoted in `ConceptResult.evidence`. */
  best: Hit;
}

/** This many on-topic words left unexplained make a missing concept plausible. */
const UNEXPLAINED_WORDS = 6;

const compiled = new WeakMap<ShortQuestion, CompiledQuestion>();

export function gradeShort(question: ShortQuestion, text: string): ShortGrade {
  const q = compileQuestion(question);
  const answer = analyse(text);
  if (answer.words.length === 0) {
    const concepts = question.rubric.map((r) => ({ id: r.id, label: r.label, points: r.points, found: false, status: 'missing' as const }));
    return { points: 0, confidence: 1, concepts, feedback: ['No answer given.'], reasons: [] };
  }
  const cache = new Map<string, Similarity>();
  const mentions = findMentions(answer, q.subjects);
  const outcomes = q.items.map((it) => evaluateItem(answer, it, mentions, q.subjects, cache));
  const misconceptions = q.misconceptions.flatMap((m) => {
    const found = findMisconception(answer, m, mentions, q.subjects, cache);
    return found ? [{ misconception: m.misconception, evidence: found.evidence }] : [];
  });
  // Words that state a misconception credit nothing else: "one step is just as easy" is not "small steps are easy".
  const wrongSpans = q.misconceptions.flatMap((m) => findMisconception(answer, m, mentions, q.subjects, cache)?.hit ?? []);
  for (const o of outcomes) {
    const inside = (h: Hit) => wrongSpans.some((w) => h.from <= w.to && w.from <= h.to);
    if (o.creditedHits.length && o.creditedHits.every(inside)) o.credited = [];
  }
  const reasons: string[] = [];
  const isCredited = (i: number) =>
    outcomes[i].credited.length > 0 && outcomes[i].wrongSubject.length === 0 && outcomes[i].denied.length === 0 && !misconceptions.some((m) => m.misconception.item === q.items[i].item.id);
  const concepts = q.items.map(({ item }, i) =>
    conceptResult(
      item,
      outcomes[i],
      isCredited(i),
      answer,
      misconceptions.filter((m) => m.misconception.item === item.id).map((m) => m.evidence),
    ),
  );
  let points = Math.min(
    question.points,
    concepts.reduce((s, c) => s + (c.found ? c.points : 0), 0),
  );

  let confidence = 1;
  q.items.forEach(({ item }, i) => {
    const o = outcomes[i];
    const weight = Math.min(1, item.points);
    if (o.wrongSubject.length) {
      confidence *= 0.3;
      reasons.push(`${item.id}: a claim is said of the wrong subject`);
    } else if (o.denied.length && o.credited.length) {
      confidence *= 0.4;
      reasons.push(`${item.id}: stated and denied`);
    } else if (isCredited(i)) {
      if (o.looseDenials) confidence *= 0.85;
      if (o.fuzzy) confidence *= 0.9;
    } else if (o.denied.length) {
      // Cleanly denied ("the Jacobian is not triangular"): no credit, and the leftovers of the denial are no half-statement.
    } else if (o.partial.length) {
      confidence *= 1 - 0.25 * weight;
      reasons.push(`${item.id}: partly stated`);
    } else if (o.unattributed.length) {
      confidence *= 0.7;
      reasons.push(`${item.id}: stated without saying of what`);
    }
  });
  if (misconceptions.length > 0 && points > 0) {
    confidence *= 0.4;
    reasons.push(`misconception: ${misconceptions.map((m) => m.misconception.id).join(', ')}`);
  }
  const form = checkForm(answer);
  const cap = LIST_SHARE * question.points;
  // A list of words from another subject that earns nothing has nothing to check ("Convolutions share weights across positions");
  // a formula alone always goes to a human, who can tell what it states.
  const formula = answer.sentences.some((f) => f.symbols > 0 && !f.verb);
  if (form.list && (points > 0 || formula || onTopicShare(answer, q.vocabulary) >= 0.3)) {
    confidence = Math.min(confidence, 0.3);
    reasons.push(`a list of terms or a formula, not sentences (${Math.round(form.sentenceShare * 100)} % of its words in sentences)`);
    points = Math.min(points, cap);
  }
  confidence *= lengthCertainty(answer, points);
  confidence *= topicCertainty(answer, q.vocabulary, points);
  if (points < question.points) confidence *= unexplainedCertainty(answer, q.vocabulary, outcomes);

  const feedback = studentFeedback(
    question,
    q.items,
    outcomes,
    concepts,
    misconceptions.map((m) => m.misconception),
    form.list ? cap : null,
  );
  return { points, confidence: Math.round(confidence * 1000) / 1000, concepts, feedback, reasons };
}

function evaluateItem(answer: Analysis, it: CompiledQuestion['items'][number], mentions: Mention[], subjects: CompiledSubject[], cache: Map<string, Similarity>): ItemOutcome {
  const o: ItemOutcome = { credited: [], wrongSubject: [], denied: [], partial: [], unattributed: [], looseDenied: [], looseDenials: false, creditedHits: [], fuzzy: false, best: NO_HIT };
  const note = (list: ClaimEvidence[], claim: string, verdict: ClaimEvidence['verdict'], hit: Hit, extra: Partial<ClaimEvidence> = {}) => {
    if (list.length < 6) list.push({ claim, verdict, sentence: sentenceText(answer, hit.from), words: quote(answer, hit.from, hit.to), ...extra });
  };
  for (const phrase of it.free) {
    if (!phrase.terms.some((t) => t.informative)) continue;
    const hit = findPhrase(answer, phrase, cache);
    // One content word alone never shows a claim ("without labels" is two: the negation counts): at most a partial mention.
    const kind = hit.kind === 'match' && phrase.terms.length < 2 && !phrase.terms[0].negated ? 'partial' : hit.kind;
    if (kind === 'none') continue;
    if (kind === 'match' && better(hit, o.best)) o.best = hit;
    if (kind === 'match') {
      if (!o.credited.length) o.fuzzy = hit.fuzzy;
      else o.fuzzy &&= hit.fuzzy;
      note(o.credited, it.item.label, 'credited', hit);
      o.creditedHits.push(hit);
      // A phrasing with its own negation ("label not need") met with another negation is a double negative, not a denial.
    } else if (kind === 'negated') {
      if (!phrase.terms.some((t) => t.negated)) note(o.looseDenied, it.item.label, 'negated', hit, { why: `you wrote “${quote(answer, hit.from, hit.to)}”, but ${lowerFirst(it.item.label)}` });
    } else if (!mostlyNegated(answer, hit)) note(o.partial, it.item.label, 'partial', hit);
  }
  for (const { claim, phrases } of it.claims) {
    const own = subjects.find((s) => s.subject.id === claim.subject)!.subject;
    for (const phrase of phrases) {
      for (const hit of sentenceHits(answer, phrase, cache)) {
        if (hit.kind === 'partial') {
          if (!mostlyNegated(answer, hit)) note(o.partial, claim.label, 'partial', hit);
          continue;
        }
        const { subject: saidOf, reach } = attribute(answer, mentions, hit, subjects);
        // A subject carried over from an earlier sentence is a guess: good enough to credit, not to accuse.
        // So is a predicate whose words straddle clauses ("one pass for the VAE but a long chain for diffusion"): who it is said of is unclear.
        const straddles = spansClauses(answer, hit);
        const other = reach === 'sentence' && !straddles ? subjects.find((s) => s.subject.id === saidOf)?.subject : undefined;
        if (straddles && saidOf === claim.subject && hit.kind === 'negated') continue;
        if (saidOf === claim.subject) {
          if (hit.kind === 'match') {
            if (better(hit, o.best)) o.best = hit;
            if (!o.credited.length) o.fuzzy = hit.fuzzy;
            else o.fuzzy &&= hit.fuzzy;
            note(o.credited, claim.label, 'credited', hit, { saidOf: own.name });
            o.creditedHits.push(hit);
          } else note(o.denied, claim.label, 'negated', hit, { saidOf: own.name, why: `you wrote “${quoteFrom(answer, mentions, hit)}”, but ${lowerFirst(claim.label)}` });
        } else if (hit.opposite) {
          // "The negative is not far" restates a claim in other words; said of another subject it is a denial of that subject's claim, found there.
          continue;
        } else if (other && hit.kind === 'match' && !phrase.terms.some((t) => t.negated)) {
          // ("not close" said of the positive denies the positive's own claim; it does not swap the two.)
          note(o.wrongSubject, claim.label, 'contradicted', hit, { saidOf: other.name, why: `you wrote ${saidAbout(answer, mentions, hit, other.name)} — that is ${own.name}` });
        } else if (other && hit.kind === 'negated') {
          // Denying the other subject's predicate states the difference: "VAEs don't need many steps".
          note(o.credited, it.item.label, 'credited', hit, { saidOf: other.name });
          o.creditedHits.push(hit);
        } else if (!other && saidOf === null && hit.kind === 'match') note(o.unattributed, claim.label, 'unattributed', hit);
      }
    }
  }
  // One phrasing of a claim caught in a negation's scope while another states it in the same sentence is not a denial.
  o.denied = o.denied.filter((d) => !o.credited.some((c) => c.claim === d.claim && c.sentence === d.sentence));
  if (o.looseDenied.length && !o.credited.length) o.denied.push(...o.looseDenied);
  o.looseDenials = o.looseDenied.length > 0 && o.credited.length > 0;
  return o;
}

/** Every sentence's (and, in a sentence with several clauses, every clause's) own hit of a phrasing. */
function sentenceHits(answer: Analysis, phrase: Phrase, cache: Map<string, Similarity>): Hit[] {
  const hits: Hit[] = [];
  const sentences = [...new Set(answer.words.map((w) => w.sentence))];
  for (const s of sentences) {
    const inSentence = sentenceOf(answer, s);
    const hit = findPhrase(inSentence, phrase, cache);
    if (hit.kind === 'none') continue;
    hits.push(hit);
    if (hit.kind === 'partial') continue;
    for (const c of new Set(inSentence.words.map((w) => w.clause))) {
      const inClause = findPhrase(clauseOf(inSentence, c), phrase, cache);
      if ((inClause.kind === 'match' || inClause.kind === 'negated') && !hits.some((h) => h.from === inClause.from)) hits.push(inClause);
    }
  }
  return hits;
}

function findMisconception(
  answer: Analysis,
  m: CompiledQuestion['misconceptions'][number],
  mentions: Mention[],
  subjects: CompiledSubject[],
  cache: Map<string, Similarity>,
): { evidence: ClaimEvidence; hit: Hit } | null {
  for (const phrase of m.phrases) {
    if (!m.misconception.subject) {
      const hit = findPhrase(answer, phrase, cache, MISCONCEPTION_MODE);
      if (hit.kind === 'match')
        return { hit, evidence: { claim: m.misconception.feedback ?? m.misconception.id, verdict: 'contradicted', sentence: sentenceText(answer, hit.from), words: quote(answer, hit.from, hit.to) } };
      continue;
    }
    for (const hit of sentenceHits(answer, phrase, cache)) {
      if (hit.kind === 'match' && attribute(answer, mentions, hit, subjects).subject === m.misconception.subject) {
        return { hit, evidence: { claim: m.misconception.feedback ?? m.misconception.id, verdict: 'contradicted', sentence: sentenceText(answer, hit.from), words: quoteFrom(answer, mentions, hit) } };
      }
    }
  }
  return null;
}

function conceptResult(item: RubricItem, o: ItemOutcome, credited: boolean, answer: Analysis, misconceptions: ClaimEvidence[]): ConceptResult {
  const base = { id: item.id, label: item.label, points: item.points };
  const matches = [...o.wrongSubject, ...misconceptions, ...o.denied, ...o.credited, ...o.partial, ...o.unattributed];
  const contradicted = o.wrongSubject.length > 0 || misconceptions.length > 0 || o.denied.length > 0;
  const status = credited ? 'credited' : contradicted ? 'contradicted' : o.partial.length || o.unattributed.length ? 'partial' : 'missing';
  const result: ConceptResult = { ...base, found: credited, status, ...(matches.length ? { matches } : {}) };
  if (credited) result.evidence = quote(answer, o.best.from, o.best.to);
  else if (matches.length) {
    result.evidence = matches[0].words;
    result.note = o.wrongSubject.length
      ? 'said of the wrong subject'
      : contradicted
        ? 'mentioned, but negated or contradicted'
        : o.partial.length
          ? 'partly mentioned'
          : 'stated without saying of what';
  }
  return result;
}

function studentFeedback(question: ShortQuestion, items: CompiledQuestion['items'], outcomes: ItemOutcome[], concepts: ConceptResult[], misconceptions: Misconception[], cap: number | null): string[] {
  const credited = concepts.flatMap((c, i) => (c.found ? [outcomes[i].credited[0]?.claim ?? c.label] : []));
  const lines = [credited.length ? `Credited: ${credited.map(lowerFirst).join('; ')}.` : 'Credited: none of the expected ideas.'];
  const notCredited = concepts.flatMap((c, i) => {
    if (c.found) return [];
    const why = outcomes[i].wrongSubject[0]?.why ?? outcomes[i].denied[0]?.why;
    if (why) return [`Not credited: ${why}.`];
    const fb = items[i].item.feedback;
    return c.status === 'contradicted' ? [] : fb ? [fb] : [];
  });
  lines.push(...notCredited, ...misconceptions.flatMap((m) => (m.feedback ? [m.feedback] : [])));
  if (cap !== null) lines.push(`Write the answer in sentences that say what does what: a list of terms or a formula alone earns at most ${cap} of ${question.points} points.`);
  return lines;
}

/** The hit's words lie in more than one clause. */
function spansClauses(answer: Analysis, hit: Hit): boolean {
  const clauses = new Set(answer.words.filter((w) => w.piece >= hit.from && w.piece <= hit.to).map((w) => w.clause));
  return clauses.size > 1;
}

/** A half-mention inside a negation ("it is not about adding noise") states nothing half-right. */
function mostlyNegated(answer: Analysis, hit: Hit): boolean {
  const words = answer.words.filter((w) => w.piece >= hit.from && w.piece <= hit.to);
  return words.length > 0 && words.filter((w) => w.negated).length * 2 >= words.length;
}

function sentenceText(answer: Analysis, piece: number): string {
  const w = answer.words.find((x) => x.piece >= piece);
  const form = w ? answer.sentences[w.sentence] : undefined;
  return form && form.to >= form.from ? quote(answer, form.from, form.to) : '';
}

/** “Diffusion models use an encoder” when the student's subject is close by, else “encoder” about the diffusion model. */
function saidAbout(answer: Analysis, mentions: Mention[], hit: Hit, name: string): string {
  const words = quoteFrom(answer, mentions, hit);
  return words === quote(answer, hit.from, hit.to) ? `“${words}” about ${name}` : `“${words}”`;
}

/** The student's words from the subject they named (when it comes just before) to the end of the predicate. */
function quoteFrom(answer: Analysis, mentions: Mention[], hit: Hit): string {
  const first = answer.words.findIndex((w) => w.piece >= hit.from);
  const near = mentions.filter((m) => m.word < first && first - m.word <= 3 && answer.words[m.word].sentence === answer.words[first].sentence).pop();
  return quote(answer, near ? answer.words[near.word].piece : hit.from, hit.to);
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) && !/^(VAE|KL|ELBO)/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
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
  const onTopic = onTopicShare(answer, vocabulary);
  if (points > 0 && onTopic < 0.3) return 0.5;
  if (points === 0 && onTopic >= 0.5 && answer.words.length >= 6) return 0.8;
  return 1;
}

function onTopicShare(answer: Analysis, vocabulary: Set<string>): number {
  return answer.words.filter((w) => vocabulary.has(w.stem) || vocabulary.has(w.lemma)).length / answer.words.length;
}

/**
 * On-topic words outside every recognised claim, while points are missing: the answer may say
 * something right in words the rubric does not know.
 */
function unexplainedCertainty(answer: Analysis, vocabulary: Set<string>, outcomes: ItemOutcome[]): number {
  const used = outcomes.flatMap((o) => [o.best]).filter((h) => h.kind !== 'none');
  const unexplained = answer.words.filter((w) => (vocabulary.has(w.stem) || vocabulary.has(w.lemma)) && !used.some((h) => w.piece >= h.from && w.piece <= h.to)).length;
  return unexplained >= UNEXPLAINED_WORDS ? 0.75 : 1;
}

function compileQuestion(question: ShortQuestion): CompiledQuestion {
  const cached = compiled.get(question);
  if (cached) return cached;
  const promptStems = new Set(analyse(question.prompt).words.map((w) => w.stem));
  const phrasesOf = (phrasings: string[]) => phrasings.map((p) => compilePhrase(p, promptStems));
  const items = question.rubric.map((item) => ({
    item,
    free: phrasesOf(item.phrasings),
    claims: item.claims.map((claim) => ({ claim, phrases: phrasesOf(claim.phrasings) })),
  }));
  const misconceptions = question.misconceptions.map((misconception) => ({ misconception, phrases: phrasesOf(misconception.phrasings) }));
  const vocabulary = new Set(promptStems);
  for (const w of analyse(question.modelAnswer).words) vocabulary.add(w.stem);
  const allPhrases = [...items.flatMap((i) => [...i.free, ...i.claims.flatMap((c) => c.phrases)]), ...misconceptions.flatMap((m) => m.phrases)];
  for (const term of allPhrases.flatMap((p) => p.terms)) for (const alt of term.alts) vocabulary.add(alt.stem);
  for (const s of question.subjects) for (const m of s.mentions) for (const w of analyse(m).words) vocabulary.add(w.stem);
  for (const group of SYNONYM_GROUPS) {
    const words = group.flatMap((w) => analyse(w).words);
    if (words.some((w) => vocabulary.has(w.stem))) words.forEach((w) => vocabulary.add(w.stem));
  }
  const result = { items, misconceptions, subjects: compileSubjects(question.subjects), vocabulary };
  compiled.set(question, result);
  return result;
}
