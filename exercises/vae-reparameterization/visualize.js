// Pictures after Run: samples of your reparameterize around three means with different variances,
// and your klToStandardNormal for a one-dimensional latent over a grid of μ and log σ². Runs in your
// browser only.
function visualize({ tf, fns, rng }) {
  const n = 300;
  const posteriors = [
    { mu: [-2, 1], logVar: [-2.5, -2.5] },
    { mu: [1.5, 1.5], logVar: [0, -1.5] },
    { mu: [1, -2], logVar: [-1.5, 0.5] },
  ];
  const series = [];
  const stats = [];
  const mean = (a) => a.reduce((p, q) => p + q, 0) / a.length;
  const std = (a) => Math.sqrt(mean(a.map((v) => (v - mean(a)) ** 2)));
  posteriors.forEach(({ mu, logVar }, k) => {
    const z = fns.reparameterize(tf.tensor2d([mu]).tile([n, 1]), tf.tensor2d([logVar]).tile([n, 1]), rng.normal([n, 2])).arraySync();
    const x = z.map((p) => p[0]);
    const y = z.map((p) => p[1]);
    series.push({ name: `z around μ${k + 1}`, x, y });
    stats.push({ label: `μ${k + 1} = (${mu}), log σ² = (${logVar}): std of z₁`, value: std(x) });
    stats.push({ label: `μ${k + 1} = (${mu}), log σ² = (${logVar}): std of z₂`, value: std(y) });
  });
  series.push({ name: 'μ', x: posteriors.map((p) => p.mu[0]), y: posteriors.map((p) => p.mu[1]) });

  const mus = Array.from({ length: 31 }, (_, i) => -3 + (6 * i) / 30);
  const logVars = Array.from({ length: 25 }, (_, j) => -4 + (6 * j) / 24);
  const rows = [];
  for (const lv of logVars) for (const m of mus) rows.push([m, lv]);
  const grid = tf.tensor2d(rows);
  const kl = [fns.klToStandardNormal(grid.slice([0, 0], [-1, 1]), grid.slice([0, 1], [-1, 1])).arraySync()].flat(Infinity);
  const values = logVars.map((_, j) => mus.map((_, i) => (kl.length === rows.length ? kl[j * mus.length + i] : NaN)));
  const finite = kl.filter((v) => Number.isFinite(v));
  return [
    {
      kind: 'points',
      title: 'Samples of your reparameterize',
      description: `${n} samples z = reparameterize(μ, log σ², ε) around each of three means (the μ series): the cloud around μ1 should be small and round, the one around μ2 wide along z₁, the one around μ3 tall along z₂.`,
      xLabel: 'z₁',
      yLabel: 'z₂',
      frames: [{ label: 'samples', series }],
      stats,
    },
    {
      kind: 'heatmap',
      title: 'Your KL to the standard normal',
      description: `Your klToStandardNormal for a one-dimensional latent, for μ from -3 to 3 and log σ² from -4 to 2 (${kl.length} values for ${rows.length} rows). The KL is never negative and is 0 only at μ = 0, log σ² = 0. Smallest value returned: ${finite.length ? Math.min(...finite).toFixed(3) : 'none'}.`,
      xLabel: 'μ',
      yLabel: 'log σ²',
      valueLabel: 'KL',
      x: mus,
      y: logVars,
      values,
      stats: [
        { label: 'smallest KL on the grid', value: finite.length ? Math.min(...finite) : NaN },
        { label: 'KL at μ = 0, log σ² = 0', value: kl.length === rows.length ? kl[logVars.indexOf(0) * mus.length + mus.indexOf(0)] : NaN },
      ],
    },
  ];
}
