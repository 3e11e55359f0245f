'use client';

import type { ComponentType, ReactNode } from 'react';
import type { PublicQuestion } from '@/graders/quiz/public';
import { useQuizAutosave } from './autosave';
import { QUESTION_INPUTS } from './types/inputs';
import type { InputProps } from './types/props';

export type QuestionInputProps = {
  question: PublicQuestion;
  /** Option texts rendered on the server (Markdown), by option id. */
  labels: Record<string, ReactNode>;
  /** Id of the element holding the rendered prompt. */
  promptId: string;
};

/** The question's input, from the registry of its type, wired to the attempt's autosave. */
export function QuestionInput({ question, labels, promptId }: QuestionInputProps) {
  const { answers, setAnswer, disabled } = useQuizAutosave();
  // The registry pairs each type with its input; TypeScript cannot follow that through the lookup.
  const Input = QUESTION_INPUTS[question.type] as ComponentType<InputProps<PublicQuestion['type']>>;
  return (
    <Input question={question} labels={labels} promptId={promptId} name={`q-${question.id}`} value={answers[question.id]} setAnswer={(answer) => setAnswer(question.id, answer)} disabled={disabled} />
  );
}
