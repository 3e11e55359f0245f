// Pictures after Run: a full DDPM sampler built from your reverseStep, next to the data it should
// produce. The noise predictor is exact for this data (a mixture of three Gaussians has a closed-form
// score), so any error you see in the samples comes from the step. Runs in your browser only.
function visualize({ tf, fns, rng }) {
  const T = 100;
  const n = 500;
  const s = 0.2; // standard deviation of each mixture component
  const means = [
    [0, 2],
    [-1.7, -1],
    [1.7, -1],
  ];
  const betaValues = Array.from({ length: T }, (_, i) => 1e-4 + ((0.2 - 1e-4) * i) / (T - 1));
  const betas = tf.tensor1d(betaValues);
  const alphaBars = [];
  betaValues.reduce((prod, b, i) => (alphaBars[i] = prod * (1 - b)), 1);

  // E[ε | x_t] for the mixture: √(1-ᾱ) Σ_k r_k(x) (x - √ᾱ m_k) / v, v = ᾱ s² + 1 - ᾱ.
  const m = tf.tensor2d(means);
  const exactEps = (x, t) =>
    tf.tidy(() => {
      const ab = alphaBars[t];
      const v = ab * s * s + (1 - ab);
      const diff = tf.sub(tf.expandDims(x, 1), tf.mul(Math.sqrt(ab), m)); // [n, 3, 2]
      const r = tf.softmax(tf.div(tf.sum(tf.square(diff), 2), -2 * v), 1); // [n, 3]
      return tf.mul(Math.sqrt(1 - ab) / v, tf.sum(tf.mul(tf.expandDims(r, 2), diff), 1));
    });

  const data = [];
  for (let i = 0; i < n; i++) data.push([means[i % 3][0] + s * rng.gaussian(), means[i % 3][1] + s * rng.gaussian()]);
  const dataSeries = { name: 'data', x: data.map((p) => p[0]), y: data.map((p) => p[1]) };

  const frames = [];
  let x = rng.normal([n, 2]);
  for (let t = T - 1; t >= 0; t--) {
    const z = rng.normal([n, 2]);
    const eps = exactEps(x, t);
    const next = fns.reverseStep(x, t, eps, betas, z);
    if (t % 10 === 0 || t === T - 1) {
      const xs = next.arraySync();
      frames.push({ label: `t = ${t}`, series: [dataSeries, { name: 'your samples', x: xs.map((p) => p[0]), y: xs.map((p) => p[1]) }] });
    }
    x = next;
  }
  const last = frames[frames.length - 1].series[1];
  const mean = (a) => a.reduce((p, q) => p + q, 0) / a.length;
  const std = (a) => Math.sqrt(mean(a.map((v) => (v - mean(a)) ** 2)));
  return [
    {
      kind: 'points',
      title: 'Samples of a sampler built from your reverse step',
      description: `${n} samples drawn from pure noise over ${T} steps with your reverseStep and an exact noise predictor, drawn over the data (three clusters). A correct step ends with the samples on the three clusters; a wrong one leaves them too spread, collapsed or shifted.`,
      xLabel: 'x₁',
      yLabel: 'x₂',
      animate: true,
      frames,
      stats: [
        { label: 'mean x₁ of your samples at t = 0 (data: 0)', value: mean(last.x) },
        { label: 'mean x₂ of your samples at t = 0 (data: 0)', value: mean(last.y) },
        { label: 'std x₁ of your samples at t = 0', value: std(last.x) },
        { label: 'std x₁ of the data', value: std(dataSeries.x) },
        { label: 'std x₂ of your samples at t = 0', value: std(last.y) },
        { label: 'std x₂ of the data', value: std(dataSeries.y) },
      ],
    },
  ];
}
