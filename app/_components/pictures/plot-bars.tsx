'use client';

import { usePlot } from './plot-chart';

/**
 * Labelled counts as an Observable Plot bar chart (the staff analytics' score histograms). Plot is
 * loaded on demand; until it arrives, and for screen readers, the caller's caption and table carry the numbers.
 */
export function PlotBars({ label, bars }: { label: string; bars: { label: string; count: number }[] }) {
  const { box, error } = usePlot(
    (Plot) =>
      Plot.plot({
        width: 360,
        height: 170,
        marginBottom: 44,
        ariaLabel: label,
        ariaDescription: bars.map((b) => `${b.label}: ${b.count}`).join(', '),
        style: { fontSize: '10px' },
        x: { domain: bars.map((b) => b.label), label: null, tickRotate: -30 },
        y: { label: null, grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
        marks: [
          Plot.barY(bars, { x: 'label', y: 'count', fill: '#6366f1' }),
          Plot.text(
            bars.filter((b) => b.count > 0),
            { x: 'label', y: 'count', text: 'count', dy: -6 },
          ),
          Plot.ruleY([0]),
        ],
      }),
    [label, bars],
  );
  if (error) return <p className="text-sm text-red-700">{error}</p>;
  return <div ref={box} className="w-full max-w-sm [&_svg]:max-w-full" data-testid="plot" />;
}
