// Pictures after Run: a square grid of 2-D points pushed through your couplingForward (x₁ is the
// conditioning half, x₂ is scaled and shifted), and the log-determinant your layer reports over the
// plane, beside the one measured from your own outputs by finite differences. Runs in your browser only.
function visualize({ tf, fns }) {
  // A fixed, smooth conditioner: the scale grows with x₁ and the shift bends the grid.
  const net = (x1) => ({ logScale: tf.mul(0.7, tf.tanh(x1)), shift: tf.mul(0.8, tf.sin(tf.mul(1.5, x1))) });
  const lines = 11;
  const along = 41;
  const ticks = (count) => Array.from({ length: count }, (_, i) => -2 + (4 * i) / (count - 1));
  const grid = [];
  for (const c of ticks(lines)) for (const u of ticks(along)) grid.push([c, u], [u, c]);
  const y = fns.couplingForward(tf.tensor2d(grid), net).y.arraySync();
  const polylines = (points) => {
    const out = [];
    for (let l = 0; l < lines; l++) {
      for (const parity of [0, 1]) {
        const pts = [];
        for (let k = 0; k < along; k++) pts.push(points[(l * along + k) * 2 + parity]);
        out.push({ name: `${parity ? 'x₂' : 'x₁'} = ${ticks(lines)[l].toFixed(1)}`, x: pts.map((p) => p[0]), y: pts.map((p) => p[1]) });
      }
    }
    return out;
  };

  // The log-det map, and |∂y₂/∂x₂| from the layer's own outputs: a correct logDet matches it.
  const cells = ticks(25);
  const plane = [];
  const nudged = [];
  const h = 1e-2;
  for (const b of cells) for (const a of cells) plane.push([a, b]), nudged.push([a, b + h]);
  const out = fns.couplingForward(tf.tensor2d(plane), net);
  const logDet = out.logDet.arraySync();
  const y2 = out.y.arraySync();
  const y2h = fns.couplingForward(tf.tensor2d(nudged), net).y.arraySync();
  let gap = 0;
  const flat = Array.isArray(logDet) ? logDet.flat(Infinity) : [logDet];
  plane.forEach((_, i) => (gap = Math.max(gap, Math.abs(Math.log(Math.abs((y2h[i][1] - y2[i][1]) / h)) - flat[i]))));
  const values = cells.map((_, j) => cells.map((_, i) => (flat.length === plane.length ? flat[j * cells.length + i] : NaN)));
  return [
    {
      kind: 'lines',
      title: 'A grid warped by your coupling layer',
      description: `A ${lines} by ${lines} grid on [-2, 2]² before and after your couplingForward. x₁ passes through unchanged, so vertical lines stay vertical; each vertical line is stretched and shifted in x₂ by an amount that depends on its x₁.`,
      xLabel: 'x₁',
      yLabel: 'x₂ / y₂',
      frames: [
        { label: 'input grid', lines: polylines(grid) },
        { label: 'after your layer', lines: polylines(y) },
      ],
    },
    {
      kind: 'heatmap',
      title: 'The log-determinant your layer reports',
      description: `Your logDet at each point of [-2, 2]² (${flat.length} values for ${plane.length} points). For this conditioner it depends on x₁ only, growing from left to right; the largest difference from the log |∂y₂/∂x₂| measured from your own outputs is ${gap.toFixed(3)}.`,
      xLabel: 'x₁',
      yLabel: 'x₂',
      valueLabel: 'log |det|',
      x: cells,
      y: cells,
      values,
      stats: [
        { label: 'values of logDet returned for the 625 points', value: flat.length },
        { label: 'largest |logDet − measured log |∂y₂/∂x₂||', value: gap },
      ],
    },
  ];
}
