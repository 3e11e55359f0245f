import { Hints } from './hints';
import { InlineMarkdown, Markdown } from '@/app/_components/markdown/markdown';

/** The statement column of the exercise page, shared by the student page and the staff preview. */
export function ExerciseStatement(props: { title: string; topic: string; difficulty: string; points: number; statement: string; hints: string[] }) {
  return (
    <>
      <header>
        <p className="text-xs uppercase tracking-wide text-slate-500">
          {props.topic} · {props.difficulty} · {props.points} points
        </p>
        {/* The statement usually opens with its own title. */}
        {!/^#\s/.test(props.statement.trimStart()) && (
          <h1 className="text-2xl font-semibold">
            <InlineMarkdown>{props.title}</InlineMarkdown>
          </h1>
        )}
      </header>
      <Markdown>{props.statement}</Markdown>
      <Hints hints={props.hints} />
    </>
  );
}
