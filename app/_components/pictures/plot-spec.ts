import type * as PlotModule from '@observablehq/plot';
import type { BarsPicture, HeatmapPicture, LinesPicture, Picture, PointsPicture } from '@/graders/visualize/picture-schema';

type Plot = typeof PlotModule;

/**
 * A picture's data as Observable Plot marks: panels side by side (fx), one colour per series. Plot is
 * passed in because it is loaded on demand, only on pages that draw pictures.
 */
export function plotOptions(Plot: Plot, picture: Picture, frame?: number): PlotModule.PlotOptions {
  const base = {
    width: 640,
    height: picture.kind === 'bars' ? 220 : 260,
    ariaLabel: picture.title,
    ariaDescription: picture.description,
    style: { fontSize: '11px' },
    x: { label: picture.xLabel ?? null },
    y: { label: picture.yLabel ?? null },
  };
  switch (picture.kind) {
    case 'points':
      return { ...base, ...points(Plot, picture, frame) };
    case 'lines':
      return { ...base, ...lines(Plot, picture) };
    case 'heatmap':
      return { ...base, ...heatmap(Plot, picture) };
    case 'bars':
      return { ...base, ...bars(Plot, picture) };
  }
}

const panels = (labels: string[]) => ({ fx: { domain: labels, label: null }, grid: true });

function points(Plot: Plot, picture: PointsPicture, only?: number) {
  const frames = only === undefined ? picture.frames : [picture.frames[only]];
  const rows = frames.flatMap((f) => f.series.flatMap((s) => s.x.map((x, i) => ({ frame: f.label, series: s.name, x, y: s.y[i] }))));
  return {
    ...panels(frames.map((f) => f.label)),
    aspectRatio: frames.length === 1 ? 1 : undefined,
    color: { legend: true },
    marks: [Plot.dot(rows, { x: 'x', y: 'y', fill: 'series', fx: 'frame', r: 1.6, fillOpacity: 0.7 })],
  };
}

function lines(Plot: Plot, picture: LinesPicture) {
  const rows = picture.frames.flatMap((f) => f.lines.flatMap((l, k) => l.x.map((x, i) => ({ frame: f.label, key: `${f.label}/${k}`, family: l.name.split(' ')[0], x, y: l.y[i] }))));
  return { ...panels(picture.frames.map((f) => f.label)), color: { legend: true }, marks: [Plot.line(rows, { x: 'x', y: 'y', z: 'key', stroke: 'family', fx: 'frame', strokeWidth: 1 })] };
}

function heatmap(Plot: Plot, picture: HeatmapPicture) {
  const half = (axis: number[], i: number) => (i + 1 < axis.length ? axis[i + 1] - axis[i] : axis[i] - axis[i - 1]) / 2;
  const rows = picture.y.flatMap((y, j) =>
    picture.x.map((x, i) => ({ x1: x - half(picture.x, i), x2: x + half(picture.x, i), y1: y - half(picture.y, j), y2: y + half(picture.y, j), value: picture.values[j][i] })),
  );
  return {
    aspectRatio: 1,
    color: { type: 'linear' as const, scheme: 'turbo' as const, legend: true, label: picture.valueLabel },
    marks: [Plot.rect(rows, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'value', stroke: 'value' })],
  };
}

function bars(Plot: Plot, picture: BarsPicture) {
  const rows = picture.frames.flatMap((f) => f.bins.map((b) => ({ frame: f.label, ...b })));
  return { ...panels(picture.frames.map((f) => f.label)), marks: [Plot.rectY(rows, { x1: 'x0', x2: 'x1', y: 'value', fx: 'frame', fill: '#6366f1' }), Plot.ruleY([0])] };
}
