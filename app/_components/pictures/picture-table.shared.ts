import type { Picture } from '@/graders/visualize/picture-schema';

export type PictureTable = { columns: string[]; rows: (string | number)[][] };

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((v) => (v - m) ** 2)));
};
const finite = (xs: number[]) => xs.filter((v) => Number.isFinite(v));

/** Rounds for reading, not for computing: 3 significant digits, NaN spelled out. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return 'not a number';
  if (v === 0) return '0';
  return Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(3)));
}

/**
 * The numbers behind a picture, for "Show as table": a summary per point cloud (thousands of points
 * are not read one by one), every bar, every cell. Lines (a warped grid) have none: their shape is the point.
 */
export function tableOf(picture: Picture): PictureTable | null {
  switch (picture.kind) {
    case 'points':
      return {
        columns: ['panel', 'series', 'points', 'not finite', 'mean x', 'mean y', 'std x', 'std y'],
        rows: picture.frames.flatMap((f) =>
          f.series.map((s) => {
            const [x, y] = [finite(s.x), finite(s.y)];
            return [f.label, s.name, s.x.length, s.x.length - Math.min(x.length, y.length), mean(x), mean(y), std(x), std(y)].map((v) =>
              typeof v === 'number' && !Number.isInteger(v) ? formatNumber(v) : v,
            );
          }),
        ),
      };
    case 'bars':
      return {
        columns: ['panel', 'from', 'to', picture.yLabel ?? 'value'],
        rows: picture.frames.flatMap((f) => f.bins.map((b) => [f.label, formatNumber(b.x0), formatNumber(b.x1), formatNumber(b.value)])),
      };
    case 'heatmap':
      return {
        columns: [`${picture.yLabel ?? 'y'} \\ ${picture.xLabel ?? 'x'}`, ...picture.x.map(formatNumber)],
        rows: picture.y.map((y, j) => [formatNumber(y), ...picture.values[j].map(formatNumber)]),
      };
    case 'lines':
      return null;
  }
}
