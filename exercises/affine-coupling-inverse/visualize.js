// Pictures after Run: a square grid of 2-D points pulled back through your couplingInverse, and the
// log-determinant your inverse reports over the plane, beside the one measured from your own outputs
// by finite differences. Runs in your browser only.
function visualize({ tf, fns }) {
  const net = (y1) => ({ logScale: tf.mul(0.7, tf.tanh(y1)), shift: tf.mul(0.8, tf.sin(tf.mul(1.5, y1))) });
  const lines = 11;
  const along = 41;
  const ticks = (count) => Array.from({ length: count }, (_, i) => -2 + (4 * i) / (count - 1));
  const grid = [];
  for (const c of ticks(lines)) for (const u of ticks(along)) grid.push([c, u], [u, c]);
  const x = fns.couplingInverse(tf.tensor2d(grid), net).x.arraySync();
  const polylines = (points) => {
    const out = [];
    for (let l = 0; l < lines; l++) {
      for (const parity of [0, 1]) {
        const pts = [];
        for (let k = 0; k < along; k++) pts.push(points[(l * along + k) * 2 + parity]);
        out.push({ name: `${parity ? 'y₂' : 'y₁'} = ${ticks(lines)[l].toFixed(1)}`, x: pts.map((p) => p[0]), y: pts.map((p) => p[1]) });
      }
    }
    return out;
  };
  const cells = ticks(25);
  const plane = [];
  const nudged = [];
  const h = 1e-2;
  for (const b of cells) for (const a of cells) plane.push([a, b]), nudged.push([a, b + h]);
  const out = fns.couplingInverse(tf.tensor2d(plane), net);
  const flat = [out.logDet.arraySync()].flat(Infinity);
  const x2 = out.x.arraySync();
  const x2h = fns.couplingInverse(tf.tensor2d(nudged), net).x.arraySync();
  let gap = 0;
  plane.forEach((_, i) => (gap = Math.max(gap, Math.abs(Math.log(Math.abs((x2h[i][1] - x2[i][1]) / h)) - flat[i]))));
  const values = cells.map((_, j) => cells.map((_, i) => (flat.length === plane.length ? flat[j * cells.length + i] : NaN)));
  return [
    {
      kind: 'lines',
      title: 'A grid pulled back by your inverse coupling layer',
      description: `A ${lines} by ${lines} grid on [-2, 2]² before and after your couplingInverse. y₁ passes through unchanged, so vertical lines stay vertical; each is squeezed and shifted in y₂ by an amount that depends on y₁.`,
      xLabel: 'y₁',
      yLabel: 'y₂ / x₂',
      frames: [
        { label: 'input grid', lines: polylines(grid) },
        { label: 'after your inverse', lines: polylines(x) },
      ],
    },
    {
      kind: 'heatmap',
      title: 'The log-determinant your inverse reports',
      description: `Your logDet at each point of [-2, 2]² (${flat.length} values for ${plane.length} points). It depends on y₁ only, falling from left to right; the largest difference from the log |∂x₂/∂y₂| measured from your own outputs is ${gap.toFixed(3)}.`,
      xLabel: 'y₁',
      yLabel: 'y₂',
      valueLabel: 'log |det|',
      x: cells,
      y: cells,
      values,
      stats: [
        { label: 'values of logDet returned for the 625 points', value: flat.length },
        { label: 'largest |logDet − measured log |∂x₂/∂y₂||', value: gap },
      ],
    },
  ];
}
