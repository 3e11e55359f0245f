import { textOf, type AnswerProps } from '../props';

export function FormulaAnswer({ answer }: AnswerProps<'formula'>) {
  return <p className="whitespace-pre-wrap font-mono">{textOf(answer)}</p>;
}
