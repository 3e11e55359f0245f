import type { QuizStats } from '@/db/queries/analytics';
import { ShareBar } from './histogram';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { markdownToPlainText } from '@/app/_components/markdown/plain-text.shared';

// Rules of thumb from classical test theory: below 0.2 a question barely separates strong from weak students.
function discriminationNote(r: number | null): string {
  if (r === null) return 'no spread';
  if (r < 0) return 'negative: check the key';
  if (r < 0.2) return 'weak';
  return r < 0.4 ? 'fair' : 'good';
}

export function QuizCard({ stats }: { stats: QuizStats }) {
  return (
    <section className="card space-y-3" aria-labelledby={`quiz-${stats.itemId}`} data-testid="quiz-analytics">
      <h3 id={`quiz-${stats.itemId}`} className="text-lg font-semibold">
        <span className="text-slate-500">
          <InlineMarkdown>{stats.assignmentTitle}</InlineMarkdown> ·{' '}
        </span>
        <InlineMarkdown>{stats.title}</InlineMarkdown> <span className="text-sm font-normal text-slate-500">({stats.attempts} student attempt(s))</span>
      </h3>
      {stats.attempts === 0 ? (
        <p className="text-slate-600">No submitted attempts yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Per question: mean score, discrimination and share sent to review</caption>
            <thead className="text-left text-slate-500">
              <tr>
                <th scope="col" className="py-1">
                  Question
                </th>
                <th scope="col">Mean score</th>
                <th scope="col">Discrimination (point-biserial)</th>
                <th scope="col">Sent to review</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {stats.questions.map((q) => (
                <tr key={q.questionId}>
                  <td className="max-w-xs truncate py-1.5 pr-3" title={markdownToPlainText(q.prompt)}>
                    <span className="font-mono text-xs text-slate-500">{q.questionId}</span> <InlineMarkdown>{q.prompt}</InlineMarkdown>
                    {q.variants && (
                      <details className="mt-1 whitespace-normal text-xs" data-testid="variant-stats">
                        <summary className="cursor-pointer text-slate-600">Students&apos; own numbers ({q.variants.length})</summary>
                        <ul className="mt-1 space-y-0.5">
                          {q.variants.map((v, i) => (
                            <li key={i}>
                              {v.params} · expected {v.expected} · {v.points} / {q.points} pt
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                  <td>{q.meanFraction === null ? '—' : <ShareBar share={q.meanFraction} />}</td>
                  <td className="tabular-nums">
                    {q.discrimination === null ? '—' : q.discrimination.toFixed(2)} <span className="text-slate-500">{discriminationNote(q.discrimination)}</span>
                  </td>
                  <td>
                    <ShareBar share={q.reviewShare} tone="rose" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
