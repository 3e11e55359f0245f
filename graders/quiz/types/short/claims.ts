import type { Subject } from './schema';
import type { Hit } from './phrase';
import { similarity, type WordForm } from './similar';
import { analyse, type Analysis } from './text';

// Who a sentence says something about. A claim's predicate ("is blurry") is attributed to a subject
// ("the VAE") by dependency-free heuristics over wink's clauses: the subject mentioned nearest
// before the predicate in its clause ("diffusion models are slower than VAEs"); else one after it
// in the clause unless a comparison introduces it ("pulls the positive closer", but not "faster
// than a VAE"); else the nearest mention earlier in the sentence or in the previous ones (a pronoun
// or an elided subject: "VAEs have an encoder and a decoder, so they are fast"); else the
// question's default subject. "whereas/while/but" end clauses (text.ts), so contrasts split.

/** Mentions that reset attribution: "both are generative" is said of neither model alone. */
const BOTH = new Set(['both', 'each', 'either', 'neither']);
/** Words that introduce a subject as the thing compared with, not the one described. */
const COMPARISON = new Set(['than', 'like', 'unlike', 'as', 'versus', 'vs']);

export const BOTH_SUBJECTS = '*both*';

export interface CompiledSubject {
  subject: Subject;
  forms: WordForm[];
}

export interface Mention {
  subject: string;
  /** Index into `Analysis.words`. */
  word: number;
}

export function compileSubjects(subjects: Subject[]): CompiledSubject[] {
  return subjects.map((subject) => ({
    subject,
    forms: subject.mentions.flatMap((m) => analyse(m).words.map(({ word, lemma, stem }) => ({ word, lemma, stem }))),
  }));
}

export function findMentions(answer: Analysis, subjects: CompiledSubject[]): Mention[] {
  if (subjects.length === 0) return [];
  const mentions: Mention[] = [];
  // Words that refer back ("the latter") are not themselves named subjects: they never shift what the next one refers to.
  const anaphoric = new Set<number>();
  answer.words.forEach((w, i) => {
    if (BOTH.has(w.word)) {
      mentions.push({ subject: BOTH_SUBJECTS, word: i });
      return;
    }
    if (w.word === 'former' || w.word === 'latter') {
      // "the former/the latter" name the earlier/later of the last two subjects mentioned.
      const [earlier, later] = lastTwoSubjects(mentions.filter((m) => !anaphoric.has(m.word)));
      const meant = w.word === 'former' ? earlier : later;
      if (meant) mentions.push({ subject: meant, word: i });
      anaphoric.add(i);
      return;
    }
    const found = subjects.find((s) => s.forms.some((f) => similarity(w, f) !== null));
    if (found) mentions.push({ subject: found.subject.id, word: i });
  });
  return mentions;
}

/** The two distinct subjects mentioned last, the earlier first: [a, b] for "…a… b… a… b…". */
function lastTwoSubjects(mentions: Mention[]): [string | undefined, string | undefined] {
  const order: string[] = [];
  for (let k = mentions.length - 1; k >= 0 && order.length < 2; k--) {
    const s = mentions[k].subject;
    if (s !== BOTH_SUBJECTS && !order.includes(s)) order.push(s);
  }
  return order.length === 2 ? [order[1], order[0]] : [undefined, order[0]];
}

export interface Attribution {
  subject: string | null;
  /** Where the subject was found: a clause or sentence of the hit's own, or carried over from earlier sentences / the default. */
  reach: 'sentence' | 'carried' | 'default' | 'none';
}

/** The subject a hit (a matched predicate) is said of, or null when the answer does not say. */
export function attribute(answer: Analysis, mentions: Mention[], hit: Hit, subjects: CompiledSubject[]): Attribution {
  const first = answer.words.findIndex((w) => w.piece >= hit.from);
  const fallback = subjects.find((s) => s.subject.default)?.subject.id ?? null;
  if (first < 0) return { subject: fallback, reach: fallback ? 'default' : 'none' };
  const { clause, sentence } = answer.words[first];
  const at = (m: Mention) => answer.words[m.word];
  // A subject inside the predicate's words is its subject: "the distance to the positive is smaller".
  const inside = mentions.filter((m) => at(m).piece >= hit.from && at(m).piece <= hit.to);
  if (inside.length) return { subject: inside[inside.length - 1].subject, reach: 'sentence' };
  const before = mentions.filter((m) => m.word < first);
  const sameClauseBefore = before.filter((m) => at(m).clause === clause);
  if (sameClauseBefore.length) return { subject: sameClauseBefore[sameClauseBefore.length - 1].subject, reach: 'sentence' };
  const after = mentions.find((m) => m.word > first && at(m).clause === clause);
  if (after && !introducedByComparison(answer, hit.to, at(after).piece)) return { subject: after.subject, reach: 'sentence' };
  const earlierInSentence = before.filter((m) => at(m).sentence === sentence);
  if (earlierInSentence.length) {
    // "…, then you fine-tune the network": the clause has a subject of its own (a person), so the earlier mention is a guess.
    const reach = personInClause(answer, hit.from) ? 'carried' : 'sentence';
    return { subject: earlierInSentence[earlierInSentence.length - 1].subject, reach };
  }
  if (before.length) return { subject: before[before.length - 1].subject, reach: 'carried' };
  return { subject: fallback, reach: fallback ? 'default' : 'none' };
}

/** Pronouns for people: "you", "we" are the clause's own subject, never a model or a part. */
const PERSONS = new Set(['you', 'we', 'i', 'one', 'people', 'students']);
const CLAUSE_START = new Set([',', ';', ':', '.', 'and', 'but', 'while', 'whereas', 'then', 'so', 'which', 'because', 'since']);

function personInClause(answer: Analysis, piece: number): boolean {
  for (let p = piece - 1; p >= 0 && p >= piece - 8; p--) {
    const t = answer.pieces[p].text.toLowerCase();
    if (PERSONS.has(t)) return true;
    if (CLAUSE_START.has(t)) return false;
  }
  return false;
}

function introducedByComparison(answer: Analysis, fromPiece: number, toPiece: number): boolean {
  for (let p = fromPiece + 1; p < toPiece; p++) if (COMPARISON.has(answer.pieces[p].text.toLowerCase())) return true;
  return false;
}

/** The answer restricted to one sentence, for finding every sentence's own hit of a phrasing. */
export function sentenceOf(answer: Analysis, sentence: number): Analysis {
  return { ...answer, words: answer.words.filter((w) => w.sentence === sentence) };
}

/** The answer restricted to one clause. */
export function clauseOf(answer: Analysis, clause: number): Analysis {
  return { ...answer, words: answer.words.filter((w) => w.clause === clause) };
}
