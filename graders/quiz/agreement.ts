import { z } from 'zod';
import type { Quiz } from './schema';
import { scoreAnswer } from './score';

// Measures the short-answer grader against hand-labelled answers
// (tests/fixtures/quiz/labelled-answers.json): how often an answer it grades on its own gets the
// labelled score, and how many it sends to a human.

export const LabelledAnswersSchema = z.strictObject({
  quiz: z.string(),
  guide: z.string(),
  answers: z.array(
    z.strictObject({
      questionId: z.string(),
      answer: z.string(),
      label: z.number().min(0),
      category: z.enum(['correct', 'partial', 'wrong', 'off-topic', 'negated', 'paraphrased', 'misspelled']),
      split: z.enum(['tune', 'holdout']),
    }),
  ),
});
export type LabelledAnswer = z.infer<typeof LabelledAnswersSchema>['answers'][number];

/** Automatic and labelled scores agree when they differ by at most this much. */
export const AGREEMENT_TOLERANCE = 0.5;

export interface Agreement {
  total: number;
  reviewed: number;
  autoGraded: number;
  agreeing: number;
  /** label → automatic score (or 'review') → count */
  table: Map<number, Map<number | 'review', number>>;
}

export function measureAgreement(quiz: Quiz, answers: LabelledAnswer[]): Agreement {
  const result: Agreement = { total: 0, reviewed: 0, autoGraded: 0, agreeing: 0, table: new Map() };
  for (const a of answers) {
    const question = quiz.questions.find((q) => q.id === a.questionId);
    if (!question) throw new Error(`labelled answer for unknown question ${a.questionId}`);
    const scored = scoreAnswer(question, a.answer, { reviewThreshold: quiz.reviewThreshold });
    const column = scored.needsReview ? 'review' : scored.points;
    const row = result.table.get(a.label) ?? new Map<number | 'review', number>();
    row.set(column, (row.get(column) ?? 0) + 1);
    result.table.set(a.label, row);
    result.total++;
    if (scored.needsReview) result.reviewed++;
    else {
      result.autoGraded++;
      if (Math.abs(scored.points - a.label) <= AGREEMENT_TOLERANCE) result.agreeing++;
    }
  }
  return result;
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
      `sent to review: ${a.reviewed}/${a.total} = ${percent(a.reviewed, a.total)}`,
  ];
  return lines.join('\n');
}

export function percent(n: number, of: number): string {
  return of === 0 ? 'n/a' : `${((100 * n) / of).toFixed(1)} %`;
}
