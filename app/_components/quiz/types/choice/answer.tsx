import { Markdown } from '@/app/_components/markdown/markdown';
import type { DraftAnswer } from '@/db/services/quiz-attempt-view';

/** Single choice and multiple select alike: the options picked, in the order shown. */
export function ChoiceAnswer({ question, answer }: { question: { options: { id: string; text: string }[] }; answer: DraftAnswer }) {
  const picked = new Set(Array.isArray(answer) ? answer : [answer]);
  return (
    <ul className="list-disc pl-5">
      {question.options
        .filter((o) => picked.has(o.id))
        .map((o) => (
          <li key={o.id}>
            <Markdown inline>{o.text}</Markdown>
          </li>
        ))}
    </ul>
  );
}
