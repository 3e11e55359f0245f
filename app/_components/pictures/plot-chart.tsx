'use client';

import { useEffect, useRef, useState } from 'react';
import type { Picture } from '@/graders/visualize/picture-schema';
import { plotOptions } from './plot-spec';

type PlotModule = typeof import('@observablehq/plot');

// Plot (and d3 under it) is fetched the first time a chart is drawn, never with the page.
let plotModule: Promise<PlotModule> | undefined;
const loadPlot = () => (plotModule ??= import('@observablehq/plot'));

/**
 * Draws `build(Plot)` into the returned box once Plot has loaded, again when `deps` change; a chart
 * superseded (or unmounted) before Plot arrives is dropped. `error` says why nothing was drawn.
 */
export function usePlot(build: (Plot: PlotModule) => Element, deps: readonly unknown[]) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    loadPlot()
      .then((Plot) => {
        if (!cancelled && box.current) box.current.replaceChildren(build(Plot));
      })
      .catch((e: Error) => !cancelled && setError(`The chart could not be drawn: ${e.message}`));
    return () => {
      cancelled = true;
    };
    // `build` is a new closure each render; what it draws is fixed by `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { box, error };
}

/** One picture as Plot's SVG, which carries the picture's title and description for screen readers. */
export function PlotChart({ picture, frame }: { picture: Picture; frame?: number }) {
  const { box, error } = usePlot((Plot) => Plot.plot(plotOptions(Plot, picture, frame)), [picture, frame]);
  if (error) return <p className="text-sm text-red-700">{error}</p>;
  return <div ref={box} className="overflow-x-auto [&_svg]:max-w-full" data-testid="plot" />;
}
