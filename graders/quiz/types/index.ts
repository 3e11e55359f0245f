import { z } from 'zod';
import { multiple, single } from './choice';
import { formula } from './formula';
import type { QuestionKind } from './kind';
import { numeric } from './numeric';
import { ordering } from './ordering';
import { short } from './short';

// The registry of question types (PrairieLearn's question-servers/index.ts): a type is its folder
// plus one line in each list below. Scoring, drafts, the public shape and review look types up here.

export const QuestionSchema = z.discriminatedUnion('type', [single.schema, multiple.schema, numeric.schema, formula.schema, short.schema, ordering.schema]);

export type Question = z.output<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

export const QUESTION_KINDS = { single, multiple, numeric, formula, short, ordering } as const satisfies { [T in QuestionType]: { schema: z.ZodType<QuestionOf<T>> } };

/** Every answer a student may send or a draft may hold, whatever the type; the question's own schema decides at save. */
export const AnswerSchema = z.union([single.answer, multiple.answer, numeric.answer, formula.answer, short.answer, ordering.answer]);
export type Answer = z.output<typeof AnswerSchema>;

type AnyKind = QuestionKind<z.ZodType<Question>, Answer, object, Question>;

/** The kind of a question, with its methods taking any question and answer: callers pass the question they looked it up by. */
export function kindOf(question: Question): AnyKind {
  return QUESTION_KINDS[question.type];
}

type PublicFields = { [T in QuestionType]: { type: T } & ReturnType<(typeof QUESTION_KINDS)[T]['toPublic']> }[QuestionType];
export type { PublicFields };
