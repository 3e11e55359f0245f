import { z } from 'zod';

/**
 * What an exercise's visualize.js returns: plain numbers the page draws, never code. The student's
 * own function computed them, so a NaN is a fact worth showing (Plot leaves it out and the page
 * counts it), while an unbounded size is refused before anything is drawn.
 */
const MAX_POINTS_PER_SERIES = 5_000;
const num = z.union([z.number(), z.nan()]);
const numbers = z.array(num).max(MAX_POINTS_PER_SERIES);
const text = (max: number) => z.string().min(1).max(max);

const SeriesSchema = z.strictObject({ name: text(60), x: numbers, y: numbers }).refine((s) => s.x.length === s.y.length, { message: 'x and y must have the same length' });

const StatSchema = z.strictObject({ label: text(120), value: num });

const common = {
  title: text(120),
  /** The text alternative: what the picture shows, in a sentence or two, for a screen reader. */
  description: text(600),
  xLabel: text(60).optional(),
  yLabel: text(60).optional(),
  stats: z.array(StatSchema).max(12).default([]),
};

export const PointsPictureSchema = z.strictObject({
  kind: z.literal('points'),
  ...common,
  /** One panel per frame; `animate` plays them in turn on a canvas (thousands of points) instead. */
  frames: z
    .array(z.strictObject({ label: text(60), series: z.array(SeriesSchema).min(1).max(6) }))
    .min(1)
    .max(24),
  animate: z.boolean().default(false),
});

export const LinesPictureSchema = z.strictObject({
  kind: z.literal('lines'),
  ...common,
  frames: z
    .array(z.strictObject({ label: text(60), lines: z.array(SeriesSchema).min(1).max(80) }))
    .min(1)
    .max(6),
});

export const HeatmapPictureSchema = z
  .strictObject({
    kind: z.literal('heatmap'),
    ...common,
    valueLabel: text(60),
    x: z.array(z.number()).min(2).max(100),
    y: z.array(z.number()).min(2).max(100),
    /** values[j][i] is the value at (x[i], y[j]). */
    values: z.array(numbers).max(100),
  })
  .refine((h) => h.values.length === h.y.length && h.values.every((row) => row.length === h.x.length), { message: 'values must be y.length rows of x.length numbers' });

export const BarsPictureSchema = z.strictObject({
  kind: z.literal('bars'),
  ...common,
  frames: z
    .array(
      z.strictObject({
        label: text(60),
        bins: z
          .array(z.strictObject({ x0: z.number(), x1: z.number(), value: num }))
          .min(1)
          .max(400),
      }),
    )
    .min(1)
    .max(6),
});

export const PictureSchema = z.discriminatedUnion('kind', [PointsPictureSchema, LinesPictureSchema, HeatmapPictureSchema, BarsPictureSchema]);
export const PicturesSchema = z.array(PictureSchema).min(1).max(6);

export type Picture = z.infer<typeof PictureSchema>;
export type PointsPicture = z.infer<typeof PointsPictureSchema>;
export type LinesPicture = z.infer<typeof LinesPictureSchema>;
export type HeatmapPicture = z.infer<typeof HeatmapPictureSchema>;
export type BarsPicture = z.infer<typeof BarsPictureSchema>;
