import { z } from 'zod';
import type { Quiz } from './schema';
import { scoreAnswer } from './score';

// Measures the short-answer grader against hand-labelled answers
// (tests/fixtures/quiz/labelled-answers.json): how often an answer it grades on its own gets the
// labelled score, how many it sends to a human, and how many it grades generously (the failure a
// student can exploit: a keyword list or a swapped fact earning points nobody would give).

/** Honest answers a student writes while trying; adversarial ones game or confuse the grader. */
export const HONEST_KINDS = ['correct', 'partial', 'paraphrased', 'misspelled', 'terse', 'vague'] as const;
export const ADVERSARIAL_KINDS = ['wrong', 'off-topic', 'negated', 'keywords', 'swapped', 'formula', 'copied', 'long-buried'] as const;
export const KINDS = [...HONEST_KINDS, ...ADVERSARIAL_KINDS] as const;
export type Kind = (typeof KINDS)[number];

export const LabelledAnswersSchema = z.strictObject({
  quiz: z.string(),
  guide: z.string(),
  answers: z.array(
    z.strictObject({
      questionId: z.string(),
      answer: z.string(),
      label: z.number().min(0),
      category: z.enum(KINDS),
      split: z.enum(['tune', 'holdout']),
    }),
  ),
});
export type LabelledAnswer = z.infer<typeof LabelledAnswersSchema>['answers'][number];

/** Automatic and labelled scores agree when they differ by at most this much. */
export const AGREEMENT_TOLERANCE = 0.5;
/** Graded on its own at least this share of the question's points above the label: generous. */
export const GENEROUS_SHARE = 0.5;

export interface Agreement {
  total: number;
  reviewed: number;
  autoGraded: number;
  agreeing: number;
  /** Graded on its own (no review) at ≥ GENEROUS_SHARE of full credit above the label. */
  generous: number;
  /** label → automatic score (or 'review') → count */
  table: Map<number, Map<number | 'review', number>>;
}

export interface Graded {
  answer: LabelledAnswer;
  points: number;
  maxPoints: number;
  needsReview: boolean;
}

export function gradeLabelled(quiz: Quiz, answers: LabelledAnswer[]): Graded[] {
  return answers.map((a) => {
    const question = quiz.questions.find((q) => q.id === a.questionId);
    if (!question) throw new Error(`labelled answer for unknown question ${a.questionId}`);
    const scored = scoreAnswer(question, a.answer, { reviewThreshold: quiz.reviewThreshold });
    return { answer: a, points: scored.points, maxPoints: question.points, needsReview: scored.needsReview };
  });
}

export function summarise(graded: Graded[]): Agreement {
  const result: Agreement = { total: 0, reviewed: 0, autoGraded: 0, agreeing: 0, generous: 0, table: new Map() };
  for (const g of graded) {
    const label = g.answer.label;
    const column = g.needsReview ? 'review' : g.points;
    const row = result.table.get(label) ?? new Map<number | 'review', number>();
    row.set(column, (row.get(column) ?? 0) + 1);
    result.table.set(label, row);
    result.total++;
    if (g.needsReview) result.reviewed++;
    else {
      result.autoGraded++;
      if (Math.abs(g.points - label) <= AGREEMENT_TOLERANCE) result.agreeing++;
      if (g.points - label >= GENEROUS_SHARE * g.maxPoints - 1e-9) result.generous++;
    }
  }
  return result;
}

export function measureAgreement(quiz: Quiz, answers: LabelledAnswer[]): Agreement {
  return summarise(gradeLabelled(quiz, answers));
}

/** A plain-text confusion table to paste into a closing note. */
export function formatAgreement(title: string, a: Agreement): string {
  const labels = [...a.table.keys()].sort((x, y) => x - y);
  const scores = [...new Set([...a.table.values()].flatMap((row) => [...row.keys()].filter((k): k is number => k !== 'review')))].sort((x, y) => x - y);
  const cell = (n: number | undefined) => String(n ?? '.').padStart(5);
  const lines = [
    `${title}: ${a.total} answers`,
    `label \\ auto |${scores.map((s) => String(s).padStart(5)).join('')} | review | total`,
    ...labels.map((label) => {
      const row = a.table.get(label)!;
      const total = [...row.values()].reduce((s, n) => s + n, 0);
      return `${String(label).padStart(12)} |${scores.map((s) => cell(row.get(s))).join('')} | ${cell(row.get('review'))}  | ${cell(total)}`;
    }),
    `agreement (auto score within ±${AGREEMENT_TOLERANCE} of the label): ${a.agreeing}/${a.autoGraded} = ${percent(a.agreeing, a.autoGraded)}; ` +
      `sent to review: ${a.reviewed}/${a.total} = ${percent(a.reviewed, a.total)}; generous: ${a.generous}`,
  ];
  return lines.join('\n');
}

/** One line per kind: agreement, review share and generous answers, for one split. */
export function formatByKind(graded: Graded[]): string {
  const header = `${'kind'.padEnd(12)} ${'n'.padStart(4)} ${'agree'.padStart(14)} ${'review'.padStart(14)} ${'generous'.padStart(9)}`;
  const rows = KINDS.flatMap((kind) => {
    const mine = graded.filter((g) => g.answer.category === kind);
    if (mine.length === 0) return [];
    const a = summarise(mine);
    return [
      `${kind.padEnd(12)} ${String(a.total).padStart(4)} ${`${a.agreeing}/${a.autoGraded} ${percent(a.agreeing, a.autoGraded, 0)}`.padStart(14)} ` +
        `${`${a.reviewed} ${percent(a.reviewed, a.total, 0)}`.padStart(14)} ${String(a.generous).padStart(9)}`,
    ];
  });
  return [header, ...rows].join('\n');
}

export function isAdversarial(a: LabelledAnswer): boolean {
  return (ADVERSARIAL_KINDS as readonly string[]).includes(a.category);
}

export function percent(n: number, of: number, digits = 1): string {
  return of === 0 ? 'n/a' : `${((100 * n) / of).toFixed(digits)} %`;
}
