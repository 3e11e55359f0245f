import { z } from 'zod';
import { certainResult } from '../../result';
import type { QuestionKind } from '../kind';
import { checkFormula } from './check';
import { FormulaSchema, type FormulaQuestion } from './schema';

export const MAX_FORMULA_CHARS = 500;

export const formula: QuestionKind<typeof FormulaSchema, string, { variables: string[]; maxLength: number }> = {
  schema: FormulaSchema,
  answer: z.string({ error: 'type a formula' }).max(MAX_FORMULA_CHARS, `a formula may have at most ${MAX_FORMULA_CHARS} characters`),
  score(q, answer) {
    const check = checkFormula(q, answer.trim());
    if (check.equivalent) return certainResult(q.id, q.points, q.points, 'Correct.');
    return certainResult(q.id, q.points, 0, [check.message, q.feedback].filter(Boolean).join(' '));
  },
  // Names only: students need them to write the formula; ranges hint at nothing useful but stay private.
  toPublic: (q) => ({ variables: Object.keys(q.variables), maxLength: MAX_FORMULA_CHARS }),
  problems(q) {
    const problem = referenceProblem(q);
    return problem ? [`the reference formula ${problem}`] : [];
  },
};

function referenceProblem(q: FormulaQuestion): string | null {
  try {
    const check = checkFormula(q, q.answer);
    return check.equivalent ? null : `does not check against itself: ${check.message}`;
  } catch (err) {
    return err instanceof Error ? err.message.replace(/^reference formula of \S+ /, '') : 'cannot be evaluated';
  }
}
