import type { ComponentType } from 'react';
import type { QuestionType } from '@/graders/quiz/schema';
import { ChoiceAnswer } from './choice/answer';
import { FormulaAnswer } from './formula/answer';
import { NumericAnswer } from './numeric/answer';
import { OrderingAnswer } from './ordering/answer';
import type { AnswerProps } from './props';
import { ShortAnswer } from './short/answer';

// How the results page shows a student's own answer, per type (server-rendered).

export const QUESTION_ANSWERS: { [T in QuestionType]: ComponentType<AnswerProps<T>> } = {
  single: ChoiceAnswer,
  multiple: ChoiceAnswer,
  numeric: NumericAnswer,
  formula: FormulaAnswer,
  short: ShortAnswer,
  ordering: OrderingAnswer,
};
