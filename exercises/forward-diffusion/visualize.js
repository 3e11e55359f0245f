// Pictures after Run: the same 2-D point cloud noised by your qSample at t = 0, T/4, T/2 and T - 1,
// with the noise schedule from your linearBetaSchedule. Runs in your browser, on your functions only.
function visualize({ tf, fns, rng }) {
  const T = 1000;
  const n = 600;
  // Three clusters on a circle: easy to tell apart from the Gaussian noise they dissolve into.
  const centres = [
    [0, 2],
    [-1.7, -1],
    [1.7, -1],
  ];
  const data = [];
  for (let i = 0; i < n; i++) {
    const [cx, cy] = centres[i % 3];
    data.push([cx + 0.25 * rng.gaussian(), cy + 0.25 * rng.gaussian()]);
  }
  const x0 = tf.tensor2d(data);
  const noise = rng.normal([n, 2]);
  const betas = fns.linearBetaSchedule(T, 1e-4, 0.02);
  const steps = [0, T / 4, T / 2, T - 1];
  const frames = steps.map((t) => {
    const xt = fns.qSample(x0, t, betas, noise).arraySync();
    return { label: `t = ${t}`, series: [{ name: 'x_t', x: xt.map((p) => p[0]), y: xt.map((p) => p[1]) }] };
  });
  const spread = (frame) => {
    const xs = frame.series[0].x.concat(frame.series[0].y);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  };
  return [
    {
      kind: 'points',
      title: 'Forward diffusion of a point cloud',
      description: `${n} points in three clusters, noised by your qSample at t = ${steps.join(', ')} of T = ${T}. With a correct schedule the clusters blur and at t = T - 1 the cloud is a standard normal blob.`,
      xLabel: 'x₁',
      yLabel: 'x₂',
      frames,
      stats: frames.map((f) => ({ label: `standard deviation of the coordinates at ${f.label}`, value: spread(f) })),
    },
  ];
}
