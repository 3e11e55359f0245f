import { NO_PARAMS, paramChecks, type ParamValues } from '../../params';
import { ALLOWED_FUNCTIONS, CONSTANT_NAMES, parseFormula } from '../formula/parse';
import type { NumericQuestion } from './schema';

// The number an attempt is graded against: the fixed answer, or the answer expression evaluated on the
// attempt's own params by the formula walker (never eval).

export function expectedNumber(q: NumericQuestion, values: ParamValues = NO_PARAMS): number {
  if (typeof q.answer === 'number') return q.answer;
  const parsed = parseFormula(q.answer, Object.keys(q.params ?? {}));
  if (!parsed.ok) throw new Error(`the answer expression of ${q.id} does not parse: ${parsed.error}`);
  const names = Object.keys(q.params ?? {});
  if (names.some((name) => !Object.hasOwn(values, name))) throw new Error(`${q.id} has per-student numbers but was scored without the attempt's values`);
  const value = parsed.evaluate(values);
  if (!Number.isFinite(value)) throw new Error(`the answer expression of ${q.id} is not a finite number for these params`);
  return value;
}

export const RESERVED_NAMES = [...ALLOWED_FUNCTIONS, ...CONSTANT_NAMES];

/** What an author must fix: the expression parses, is finite at the params' extremes and on draws, and gives more than one answer. */
export function expectedProblems(q: NumericQuestion): string[] {
  // A number with params, or an expression without, is refused at load (`issues`).
  if (typeof q.answer === 'number' || !q.params) return [];
  const parsed = parseFormula(q.answer, Object.keys(q.params));
  if (!parsed.ok) return [`the answer expression does not parse: ${parsed.error}`];
  const answers = new Set<number>();
  for (const values of paramChecks(q.params)) {
    const value = parsed.evaluate(values);
    const at = Object.entries(values)
      .map(([name, v]) => `${name} = ${v}`)
      .join(', ');
    if (!Number.isFinite(value)) return [`the answer expression is not a finite number at ${at}`];
    if (value === 0 && !q.absTol) return [`the answer is 0 at ${at}, where relTol alone accepts nothing; give absTol`];
    answers.add(value);
  }
  return answers.size < 2 ? ['the answer is the same for every variant: the params change nothing'] : [];
}
