import type { ComponentType } from 'react';
import type { QuestionType } from '@/graders/quiz/schema';
import { MultipleInput, SingleInput } from './choice/input';
import { FormulaInput } from './formula/input';
import { NumericInput } from './numeric/input';
import { OrderingInput } from './ordering/input';
import type { InputProps } from './props';
import { ShortInput } from './short/input';

// The browser's half of the question-type registry (graders/quiz/types): one input per type.
// Imported by a client component, so it must import nothing from graders/ at run time.

export const QUESTION_INPUTS: { [T in QuestionType]: ComponentType<InputProps<T>> } = {
  single: SingleInput,
  multiple: MultipleInput,
  numeric: NumericInput,
  formula: FormulaInput,
  short: ShortInput,
  ordering: OrderingInput,
};
