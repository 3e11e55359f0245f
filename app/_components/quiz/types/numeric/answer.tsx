import { textOf, type AnswerProps } from '../props';

export function NumericAnswer({ question, answer }: AnswerProps<'numeric'>) {
  return (
    <p className="whitespace-pre-wrap">
      {textOf(answer)}
      {question.units ? ` ${question.units}` : ''}
    </p>
  );
}
