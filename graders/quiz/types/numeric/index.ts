import { z } from 'zod';
import { paramIssues } from '../../params';
import { certainResult } from '../../result';
import type { QuestionKind } from '../kind';
import { expectedNumber, expectedProblems, RESERVED_NAMES } from './expected';
import { parseNumericAnswer, withinTolerance } from './parse';
import { NumericSchema } from './schema';

export const MAX_NUMERIC_CHARS = 100;

export const numeric: QuestionKind<typeof NumericSchema, string | number, { units?: string; variant?: true }> = {
  schema: NumericSchema,
  issues(q) {
    const issues = paramIssues(q, RESERVED_NAMES);
    if (typeof q.answer === 'string' && !q.params) issues.push({ path: ['answer'], message: 'an answer expression needs params to evaluate; give a number or declare params' });
    if (typeof q.answer === 'number' && q.params) issues.push({ path: ['answer'], message: 'with params, answer is an expression over them (a string), not a number' });
    return issues;
  },
  // A number arrives from API clients and old rows; the page sends what was typed.
  answer: z.union([z.number().finite(), z.string().max(MAX_NUMERIC_CHARS, 'the answer is too long to be a number')], { error: 'type a number' }),
  score(q, answer, { params }) {
    const number = parseNumericAnswer(answer, q.units);
    if (!number.ok) return certainResult(q.id, q.points, 0, number.error);
    const right = withinTolerance(q, expectedNumber(q, params), number.value);
    return certainResult(q.id, q.points, right ? q.points : 0, right ? 'Correct.' : (q.feedback ?? 'Not within the accepted tolerance.'));
  },
  // `variant` tells the student the numbers are their own (so a classmate's answer will not do); never which.
  toPublic: (q) => ({ ...(q.units === undefined ? {} : { units: q.units }), ...(q.params ? { variant: true as const } : {}) }),
  problems: expectedProblems,
  expected(q, params) {
    const value = expectedNumber(q, params);
    const tolerance = [q.absTol !== undefined && `± ${q.absTol}`, q.relTol !== undefined && `± ${q.relTol * 100} %`].filter(Boolean).join(' or ');
    return `${Number(value.toPrecision(6))}${q.units ? ` ${q.units}` : ''} (${tolerance})`;
  },
};
