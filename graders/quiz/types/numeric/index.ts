import { z } from 'zod';
import { certainResult } from '../../result';
import type { QuestionKind } from '../kind';
import { parseNumericAnswer, withinTolerance } from './parse';
import { NumericSchema } from './schema';

export const MAX_NUMERIC_CHARS = 100;

export const numeric: QuestionKind<typeof NumericSchema, string | number, { units?: string }> = {
  schema: NumericSchema,
  // A number arrives from API clients and old rows; the page sends what was typed.
  answer: z.union([z.number().finite(), z.string().max(MAX_NUMERIC_CHARS, 'the answer is too long to be a number')], { error: 'type a number' }),
  score(q, answer) {
    const number = parseNumericAnswer(answer, q.units);
    if (!number.ok) return certainResult(q.id, q.points, 0, number.error);
    const right = withinTolerance(q, number.value);
    return certainResult(q.id, q.points, right ? q.points : 0, right ? 'Correct.' : (q.feedback ?? 'Not within the accepted tolerance.'));
  },
  toPublic: (q) => (q.units === undefined ? {} : { units: q.units }),
};
