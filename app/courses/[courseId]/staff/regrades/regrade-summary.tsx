import type { summarizeRegrade } from '@/db/queries/regrades';
import { formatPercent } from '@/app/_lib/format-percent.shared';

type Summary = ReturnType<typeof summarizeRegrade>;

const percent = (score: number | null) => (score === null ? '—' : formatPercent(score));
const points = (delta: number) => `${delta > 0 ? '+' : delta < 0 ? '−' : ''}${Math.round(Math.abs(delta) * 1000) / 10} pp`;
// A long list would bury the page; the biggest changes come first.
const LISTED = 50;

/** How many scores a run changes, which way and by how much (pp = percentage points of the score). */
export function RegradeSummary({ summary }: { summary: Summary }) {
  const tallest = Math.max(1, ...summary.histogram.map((bucket) => bucket.count));
  return (
    <div className="space-y-4" data-testid="regrade-summary">
      <p>
        <strong>{summary.changed}</strong> of {summary.regraded} score{summary.regraded === 1 ? '' : 's'} change: {summary.up} up, {summary.down} down.
        {summary.changed > 0 && (
          <>
            {' '}
            Mean change {points(summary.meanChange)}, largest {points(summary.maxAbsChange)}.
          </>
        )}
        {summary.crashed > 0 && <span className="text-amber-700"> {summary.crashed} could not be regraded (sandbox crashed) and keep their scores.</span>}
      </p>
      {summary.changed > 0 && (
        <>
          <figure>
            <figcaption className="mb-1 text-sm text-slate-500">Score changes (pp)</figcaption>
            <ul className="flex h-24 items-end gap-2">
              {summary.histogram.map((bucket) => (
                <li key={bucket.label} className="flex h-full flex-1 flex-col items-center justify-end gap-1 text-xs text-slate-600">
                  <span>{bucket.count}</span>
                  <span className="w-full rounded-t bg-indigo-500" style={{ height: `${(bucket.count / tallest) * 60}%` }} aria-hidden />
                  <span className="whitespace-nowrap">{bucket.label}</span>
                </li>
              ))}
            </ul>
          </figure>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Changed scores</caption>
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 font-medium">Student</th>
                <th className="py-1 font-medium">Attempt</th>
                <th className="py-1 font-medium">Old → new</th>
                <th className="py-1 font-medium">Change</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {summary.changes.slice(0, LISTED).map((change) => (
                <tr key={change.submissionId} data-testid="regrade-change">
                  <td className="py-1">{change.studentName}</td>
                  <td className="py-1">{change.attempt}</td>
                  <td className="py-1">
                    {percent(change.oldScore)} → {percent(change.newScore)}
                  </td>
                  <td className={change.delta > 0 ? 'py-1 text-emerald-700' : 'py-1 text-red-700'}>{points(change.delta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.changes.length > LISTED && <p className="text-sm text-slate-500">and {summary.changes.length - LISTED} more.</p>}
        </>
      )}
    </div>
  );
}
