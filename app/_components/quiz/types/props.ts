import type { ReactNode } from 'react';
import type { DraftAnswer } from '@/db/services/quiz-attempt-view';
import type { PublicQuestion } from '@/graders/quiz/public';
import type { QuestionType } from '@/graders/quiz/schema';

export type PublicQuestionOf<T extends QuestionType> = Extract<PublicQuestion, { type: T }>;

/** What a type's input gets: its public question, option texts rendered on the server, the draft and a setter. */
export type InputProps<T extends QuestionType> = {
  question: PublicQuestionOf<T>;
  /** Rendered Markdown of `question.options[].text`, by option id. */
  labels: Record<string, ReactNode>;
  /** Id of the element holding the rendered prompt. */
  promptId: string;
  /** Form field name, unique per question. */
  name: string;
  value: DraftAnswer | undefined;
  setAnswer(answer: DraftAnswer): void;
  disabled: boolean;
};

/** What a type's "your answer" view on the results page gets; rendered on the server. */
export type AnswerProps<T extends QuestionType> = { question: PublicQuestionOf<T>; answer: DraftAnswer };

export const textOf = (value: DraftAnswer | undefined): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
