import { textOf, type AnswerProps } from '../props';

export function ShortAnswer({ answer }: AnswerProps<'short'>) {
  return <p className="whitespace-pre-wrap">{textOf(answer)}</p>;
}
