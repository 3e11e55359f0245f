import { z } from 'zod';
import type { QuestionType } from './schema';

// What a student may send for each question type. The quiz page can reuse these for its form;
// the scorer re-validates whatever arrives, since the browser is not trusted.

export const MAX_SHORT_ANSWER_CHARS = 4000;
export const MAX_FORMULA_CHARS = 500;
const MAX_NUMERIC_CHARS = 100;

export const AnswerSchemas = {
  single: z.string({ error: 'pick one option' }).min(1, 'pick one option').max(100),
  multiple: z.array(z.string().max(100), { error: 'send a list of option ids' }).max(50, 'too many options picked'),
  numeric: z.union([z.number().finite(), z.string().trim().min(1, 'type a number').max(MAX_NUMERIC_CHARS, 'the answer is too long to be a number')], {
    error: 'type a number',
  }),
  formula: z.string({ error: 'type a formula' }).trim().min(1, 'type a formula').max(MAX_FORMULA_CHARS, `a formula may have at most ${MAX_FORMULA_CHARS} characters`),
  short: z.string({ error: 'type an answer' }).max(MAX_SHORT_ANSWER_CHARS, `an answer may have at most ${MAX_SHORT_ANSWER_CHARS} characters`),
} satisfies Record<QuestionType, z.ZodType>;

export type AnswerFor<T extends QuestionType> = z.infer<(typeof AnswerSchemas)[T]>;
