'use client';

import { useEffect, useRef, useState } from 'react';
import type { Picture } from '@/graders/visualize/picture-schema';
import { plotOptions } from './plot-spec';

// Plot (and d3 under it) is fetched the first time a picture is drawn, never with the page.
let plotModule: Promise<typeof import('@observablehq/plot')> | undefined;
export const loadPlot = () => (plotModule ??= import('@observablehq/plot'));

/** One picture as Plot's SVG, which carries the picture's title and description for screen readers. */
export function PlotChart({ picture, frame }: { picture: Picture; frame?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    loadPlot()
      .then((Plot) => {
        if (cancelled || !box.current) return;
        const chart = Plot.plot(plotOptions(Plot, picture, frame));
        box.current.replaceChildren(chart);
      })
      .catch((e: Error) => !cancelled && setError(`The picture could not be drawn: ${e.message}`));
    return () => {
      cancelled = true;
    };
  }, [picture, frame]);
  if (error) return <p className="text-sm text-red-700">{error}</p>;
  return <div ref={box} className="overflow-x-auto [&_svg]:max-w-full" data-testid="plot" />;
}
