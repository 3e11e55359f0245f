import type { AuthoringProblem } from '@/graders/authoring/protocol';

/** Validation problems by file and field, in the order they were found. */
export function ProblemList({ problems, title }: { problems: AuthoringProblem[]; title: string }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900" data-testid="authoring-problems">
      <p className="font-medium">{title}</p>
      <ul className="mt-2 space-y-1">
        {problems.map((p, i) => (
          <li key={i}>
            {p.file && <code className="font-mono font-semibold">{p.file}</code>}
            {p.field && <code className="font-mono"> · {p.field}</code>}
            {(p.file || p.field) && ': '}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
