import { z } from 'zod';
import { describeParams, NO_PARAMS, paramChecks, paramIssues, type ParamValues } from '../../params';
import { certainResult } from '../../result';
import type { QuestionKind } from '../kind';
import { checkFormula, checkReference } from './check';
import { ALLOWED_FUNCTIONS, CONSTANT_NAMES } from './parse';
import { FormulaSchema, type FormulaQuestion } from './schema';

export const MAX_FORMULA_CHARS = 500;

export const formula: QuestionKind<typeof FormulaSchema, string, { variables: string[]; maxLength: number; variant?: true }> = {
  schema: FormulaSchema,
  // A param may not share a name with a variable: the student writes the one and the number of the other.
  issues: (q) => paramIssues(q, [...Object.keys(q.variables), ...ALLOWED_FUNCTIONS, ...CONSTANT_NAMES]),
  answer: z.string({ error: 'type a formula' }).max(MAX_FORMULA_CHARS, `a formula may have at most ${MAX_FORMULA_CHARS} characters`),
  score(q, answer, { params }) {
    const check = checkFormula(q, answer.trim(), params);
    if (check.equivalent) return certainResult(q.id, q.points, q.points, 'Correct.');
    return certainResult(q.id, q.points, 0, [check.message, q.feedback].filter(Boolean).join(' '));
  },
  // Names only: students need them to write the formula; ranges hint at nothing useful but stay private.
  toPublic: (q) => ({ variables: Object.keys(q.variables), maxLength: MAX_FORMULA_CHARS, ...(q.params ? { variant: true as const } : {}) }),
  problems(q) {
    // With params, the reference must hold up at every extreme of them, not only at one draw.
    for (const values of q.params ? paramChecks(q.params, 20) : [NO_PARAMS]) {
      const problem = referenceProblem(q, values);
      if (problem) return [`the reference formula ${problem}${q.params ? ` (at ${describeParams(values)})` : ''}`];
    }
    return [];
  },
  expected: (q, params) => `${q.answer} with ${describeParams(params)}`,
};

function referenceProblem(q: FormulaQuestion, values: ParamValues): string | null {
  try {
    const check = checkReference(q, values);
    return check.equivalent ? null : `does not check against itself: ${check.message}`;
  } catch (err) {
    return err instanceof Error ? err.message.replace(/^reference formula of \S+ /, '') : 'cannot be evaluated';
  }
}
