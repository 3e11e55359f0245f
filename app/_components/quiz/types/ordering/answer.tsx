import { Markdown } from '@/app/_components/markdown/markdown';
import type { AnswerProps } from '../props';

/** The student's order, first to last. */
export function OrderingAnswer({ question, answer }: AnswerProps<'ordering'>) {
  const text = new Map(question.options.map((o) => [o.id, o.text]));
  return (
    <ol className="list-decimal pl-5" aria-label="Your order">
      {(Array.isArray(answer) ? answer : []).map((id) => (
        <li key={id}>
          <Markdown inline>{text.get(id) ?? id}</Markdown>
        </li>
      ))}
    </ol>
  );
}
