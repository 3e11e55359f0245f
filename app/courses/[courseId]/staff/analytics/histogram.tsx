/**
 * A score histogram as inline SVG (no chart library to ship): the picture has a <title> for screen
 * readers, and the same numbers are in a table under "Show as table" for anyone who prefers them.
 */
export function ScoreHistogram({ id, label, counts }: { id: string; label: string; counts: number[] }) {
  const max = Math.max(1, ...counts);
  const width = 320;
  const height = 120;
  const barWidth = width / counts.length;
  const binLabel = (i: number) => `${i * 10}–${i === counts.length - 1 ? 100 : i * 10 + 9} %`;
  return (
    <figure className="space-y-1">
      <svg viewBox={`0 0 ${width} ${height + 16}`} className="w-full max-w-sm" role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{`${label}: ${counts.map((c, i) => `${binLabel(i)}: ${c}`).join(', ')}`}</title>
        {counts.map((count, i) => {
          const h = (count / max) * height;
          return (
            <g key={i}>
              <rect x={i * barWidth + 2} y={height - h} width={barWidth - 4} height={h} className="fill-indigo-500" />
              {count > 0 && (
                <text x={i * barWidth + barWidth / 2} y={Math.max(10, height - h - 2)} textAnchor="middle" className="fill-slate-700 text-[9px]">
                  {count}
                </text>
              )}
            </g>
          );
        })}
        <line x1={0} x2={width} y1={height} y2={height} className="stroke-slate-400" />
        <text x={0} y={height + 12} className="fill-slate-500 text-[9px]">
          0 %
        </text>
        <text x={width} y={height + 12} textAnchor="end" className="fill-slate-500 text-[9px]">
          100 %
        </text>
      </svg>
      <figcaption className="text-xs text-slate-500">{label}</figcaption>
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
