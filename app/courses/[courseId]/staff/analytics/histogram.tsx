import { PlotBars } from '@/app/_components/pictures/plot-bars';

/**
 * A score histogram drawn by Observable Plot (loaded on demand, SVG with a label and description for
 * screen readers); the same numbers are in a table under "Show as table" for anyone who prefers them.
 */
export function ScoreHistogram({ id, label, counts }: { id: string; label: string; counts: number[] }) {
  const binLabel = (i: number) => `${i * 10}–${i === counts.length - 1 ? 100 : i * 10 + 9} %`;
  return (
    <figure className="space-y-1" aria-labelledby={`${id}-title`}>
      <PlotBars label={label} bars={counts.map((count, i) => ({ label: binLabel(i), count }))} />
      <figcaption id={`${id}-title`} className="text-xs text-slate-500">
        {label}
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600">Show as table</summary>
        <table className="mt-1 text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">
                Score
              </th>
              <th scope="col" className="text-right">
                Students
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map((count, i) => (
              <tr key={i}>
                <td className="pr-4">{binLabel(i)}</td>
                <td className="text-right tabular-nums">{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A horizontal bar for a share 0..1, with the number written next to it (the bar is decoration). */
export function ShareBar({ share, tone = 'indigo' }: { share: number; tone?: 'indigo' | 'rose' }) {
  return (
    <span className="inline-flex shrink-0 items-center gap-2 whitespace-nowrap">
      <span aria-hidden="true" className="inline-block h-2 w-24 overflow-hidden rounded bg-slate-200">
        <span className={`block h-full ${tone === 'rose' ? 'bg-rose-500' : 'bg-indigo-500'}`} style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="tabular-nums">{Math.round(share * 100)}&nbsp;%</span>
    </span>
  );
}
