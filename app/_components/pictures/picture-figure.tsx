'use client';

import { useId, useMemo } from 'react';
import type { Picture } from '@/graders/visualize/picture-schema';
import { formatNumber, tableOf } from './picture-table.shared';
import { PlotChart } from './plot-chart';
import { PointsCanvas } from './points-canvas';

/** One picture: the chart, its text alternative as the caption, its numbers, and the table behind it. */
export function PictureFigure({ picture }: { picture: Picture }) {
  const id = useId();
  const table = useMemo(() => tableOf(picture), [picture]);
  return (
    <figure className="space-y-2" aria-labelledby={`${id}-title`} data-testid="picture" data-kind={picture.kind}>
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        {picture.title}
      </h3>
      {picture.kind === 'points' && picture.animate ? <PointsCanvas picture={picture} /> : <PlotChart picture={picture} />}
      <figcaption className="text-xs text-slate-600">{picture.description}</figcaption>
      {picture.stats.length > 0 && (
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 text-xs" data-testid="picture-stats">
          {picture.stats.map((s) => (
            <div key={s.label} className="contents">
              <dt className="text-slate-600">{s.label}</dt>
              <dd className="text-right font-medium tabular-nums">{formatNumber(s.value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {table && (
        <details className="text-xs">
          <summary className="cursor-pointer text-slate-600">Show as table</summary>
          <div className="mt-1 max-h-72 overflow-auto">
            <table className="text-xs tabular-nums">
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c} scope="col" className="bg-white px-1 text-left">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, k) => (
                      <td key={k} className="px-1">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
