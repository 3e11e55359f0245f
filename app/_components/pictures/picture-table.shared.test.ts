import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import type { Picture } from '@/graders/visualize/picture-schema';
import { formatNumber, tableOf } from './picture-table.shared';
import { plotOptions } from './plot-spec';

const points: Picture = {
  kind: 'points',
  title: 'Samples',
  description: 'two panels',
  animate: false,
  stats: [],
  frames: [
    { label: 't = 0', series: [{ name: 'a', x: [0, 2], y: [1, 3] }] },
    { label: 't = 1', series: [{ name: 'a', x: [1, NaN], y: [1, 1] }] },
  ],
};
const heatmap: Picture = {
  kind: 'heatmap',
  title: 'KL',
  description: 'grid',
  valueLabel: 'KL',
  xLabel: 'μ',
  yLabel: 'v',
  stats: [],
  x: [0, 1],
  y: [0, 1],
  values: [
    [0, 0.5],
    [2, 12345.6],
  ],
};

describe('tableOf', () => {
  it('summarises each point cloud: count, not finite, means and spreads', () => {
    expect(tableOf(points)).toEqual({
      columns: ['panel', 'series', 'points', 'not finite', 'mean x', 'mean y', 'std x', 'std y'],
      rows: [
        ['t = 0', 'a', 2, 0, 1, 2, 1, 1],
        ['t = 1', 'a', 2, 1, 1, 1, 0, 0],
      ],
    });
  });

  it('lists every cell of a heat map, rows by y', () => {
    expect(tableOf(heatmap)).toEqual({
      columns: ['v \\ μ', '0', '1'],
      rows: [
        ['0', '0', '0.5'],
        ['1', '2', '1.23e+4'],
      ],
    });
  });

  it('has no table for a warped grid', () => {
    expect(tableOf({ kind: 'lines', title: 'g', description: 'd', stats: [], frames: [{ label: 'f', lines: [{ name: 'x', x: [0], y: [0] }] }] })).toBeNull();
  });

  it('spells out what is not a number', () => {
    expect([NaN, 0, 1 / 3, 1e-5].map(formatNumber)).toEqual(['not a number', '0', '0.333', '1.00e-5']);
  });
});

describe('plotOptions', () => {
  it('puts each frame in its own panel, in the order visualize gave them, with the text alternative', () => {
    const options = plotOptions(Plot, points);
    expect(options.fx).toMatchObject({ domain: ['t = 0', 't = 1'] });
    expect(options).toMatchObject({ ariaLabel: 'Samples', ariaDescription: 'two panels' });
    expect(options.marks).toHaveLength(1);
  });

  it('draws a heat map as cells centred on the grid points', () => {
    const options = plotOptions(Plot, heatmap);
    const mark = options.marks![0] as unknown as { data: { x1: number; x2: number; value: number }[] };
    expect(mark.data[0]).toMatchObject({ x1: -0.5, x2: 0.5, value: 0 });
    expect(mark.data).toHaveLength(4);
  });
});
