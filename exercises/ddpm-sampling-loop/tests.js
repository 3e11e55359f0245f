// Test cases for sampleDDPM. Evaluated only inside the trusted grading isolate.
// The data is a mixture of 2-D Gaussians, so the noise predictor is exact: E[ε | x_t] has a closed form.

// ε*(x, t) = √(1-ᾱ_t) Σ_k r_k(x) (x − √ᾱ_t m_k) / v_t, v_t = ᾱ_t s² + 1 − ᾱ_t, r_k ∝ w_k N(x; √ᾱ_t m_k, v_t I).
const exactEps = (tf, w) => {
  const alphaBars = w.alphaBars.arraySync();
  return (x, t) =>
    tf.tidy(() => {
      const ab = alphaBars[t];
      const v = ab * w.s * w.s + (1 - ab);
      const diff = tf.sub(tf.expandDims(x, 1), tf.mul(Math.sqrt(ab), w.means)); // [n, K, d]
      const logits = tf.add(tf.log(w.weights), tf.div(tf.sum(tf.square(diff), 2), -2 * v)); // [n, K]
      const r = tf.softmax(logits, 1);
      return tf.mul(Math.sqrt(1 - ab) / v, tf.sum(tf.mul(tf.expandDims(r, 2), diff), 1));
    });
};
const MEANS = [
  [0, 2],
  [-1.7, -1],
  [1.7, -1],
];
const schedule = (tf, T) => tf.linspace(1e-4, 0.1, T);
const cumulative = (tf, betas) => tf.cumprod(tf.sub(1, betas));
// The model, betas, xStart and noise of one sampling run, and the mixture's means for the statistics.
const mixtureRun = ({ tf, rng, fn }, { n, T, weights, s = 0.3 }) => {
  const betas = schedule(tf, T);
  const means = tf.tensor2d(MEANS);
  const model = fn(exactEps, { alphaBars: cumulative(tf, betas), means, weights: tf.tensor1d(weights), s });
  return [model, betas, rng.normal([n, 2]), rng.normal([T, n, 2]), means];
};

// The statistics of the samples: mean (2), covariance (3), share nearest to each component (K).
// Self-contained: it runs inside the isolates as source.
const sampleStats = ({ sampleDDPM }, model, betas, xStart, noise, means) => {
  const x = sampleDDPM(model, betas, xStart, noise);
  return tf.tidy(() => {
    const n = x.shape[0];
    const mu = tf.mean(x, 0);
    const c = tf.sub(x, mu);
    const cov = tf.div(tf.matMul(c, c, true, false), n).arraySync();
    const nearest = tf.argMin(tf.sum(tf.square(tf.sub(tf.expandDims(x, 1), means)), 2), 1);
    const shares = tf.div(tf.sum(tf.oneHot(nearest, means.shape[0]), 0), n).arraySync();
    return [...mu.arraySync(), cov[0][0], cov[1][1], cov[0][1], ...shares];
  });
};

// Bounds around the data distribution's own statistics (each component's covariance is s² I).
const mixtureProperties = (weights, s = 0.3, { mean = 0.15, cov = 0.2, share = 0.05 } = {}) => {
  const mu = [0, 1].map((j) => weights.reduce((sum, w, k) => sum + w * MEANS[k][j], 0));
  const second = (i, j) => weights.reduce((sum, w, k) => sum + w * (MEANS[k][i] * MEANS[k][j] + (i === j ? s * s : 0)), 0) - mu[i] * mu[j];
  const around = (name, value, tol) => ({ name: `${name} (data: ${Number(value.toFixed(3))})`, min: value - tol, max: value + tol });
  return [
    around('mean of x₁ over the samples', mu[0], mean),
    around('mean of x₂ over the samples', mu[1], mean),
    around('variance of x₁', second(0, 0), cov),
    around('variance of x₂', second(1, 1), cov),
    around('covariance of x₁ and x₂', second(0, 1), cov),
    ...weights.map((w, k) => around(`share of samples nearest to component ${k + 1} at (${MEANS[k]})`, w, share)),
  ];
};
// Atol for naming a declared mistake from the statistics alone.
const STATS_ATOL = 0.02;

// Wrong samplers, each one change from the right loop.
const samplerWith = (o) => (epsModel, betas, xStart, noise) => {
  const b = betas.arraySync();
  const T = b.length;
  const zs = tf.unstack(noise);
  const fixedEps = o.epsOnce ? epsModel(xStart, T - 1) : null;
  let x = o.zeroStart ? tf.zerosLike(xStart) : xStart;
  const ts = [];
  for (let t = o.skipFirst ? T - 2 : T - 1; t >= 0; t--) ts.push(t);
  if (o.ascending) ts.reverse();
  ts.forEach((t, i) => {
    let alphaBar = 1;
    for (let s = 0; s <= t; s++) alphaBar *= 1 - b[s];
    const eps = fixedEps ?? epsModel(x, t);
    const coef = b[t] / Math.sqrt(1 - (o.alphaNotBar ? 1 - b[t] : alphaBar));
    const mean = x.sub(eps.mul(coef)).div(Math.sqrt(1 - b[t]));
    const z = zs[o.loopOrder ? i : t];
    const addNoise = o.noise === 'never' ? false : o.noise === 'always' || t > 0;
    x = addNoise ? mean.add(z.mul(o.sigmaBeta ? b[t] : Math.sqrt(b[t]))) : mean;
  });
  return x;
};
const mistake = (id, message, o) => ({ id, message, replace: { sampleDDPM: samplerWith(o) } });

defineTests(
  [
    {
      id: 'worked-example',
      name: 'worked example from the statement (3 steps, ε = 0.5 x)',
      visible: true,
      points: 1.5,
      seed: 1,
      inputs: ({ tf, fn }) => [fn((tf) => (x) => tf.mul(0.5, x)), tf.tensor1d([0.1, 0.2, 0.5]), tf.tensor2d([[1, 2]]), tf.tensor3d([[[9, 9]], [[1, 0]], [[0, 1]]])],
    },
    {
      id: 'short-chain',
      name: '10 steps of the exact mixture model on 4 points, value for value, and the gradient with respect to xStart',
      visible: true,
      points: 1.5,
      seed: 3,
      inputs: (ctx) => mixtureRun(ctx, { n: 4, T: 10, weights: [0.5, 0.3, 0.2] }).slice(0, 4),
      grad: { wrt: [2], atol: 1e-4 },
    },
    {
      id: 'single-step',
      name: 'T = 1: the only step is the last one, t = 0',
      visible: false,
      points: 0.5,
      seed: 4,
      inputs: (ctx) => mixtureRun(ctx, { n: 5, T: 1, weights: [0.5, 0.3, 0.2] }).slice(0, 4),
    },
    {
      id: 'mixture-statistics',
      name: '100 steps, 600 samples: mean, covariance and component shares of the mixture',
      visible: true,
      points: 2,
      seed: 11,
      inputs: (ctx) => mixtureRun(ctx, { n: 600, T: 100, weights: [0.5, 0.3, 0.2] }),
      run: sampleStats,
      compare: { rtol: 0, atol: STATS_ATOL, properties: mixtureProperties([0.5, 0.3, 0.2]) },
    },
    {
      id: 'long-chain-values',
      name: '100 steps on 8 points, value for value',
      visible: false,
      points: 1,
      seed: 5,
      inputs: (ctx) => mixtureRun(ctx, { n: 8, T: 100, weights: [0.5, 0.3, 0.2] }).slice(0, 4),
      compare: { rtol: 1e-3, atol: 1e-4 },
    },
    {
      id: 'uneven-weights',
      name: 'another mixture (weights 0.7, 0.2, 0.1), 1000 samples: its statistics',
      visible: false,
      points: 2,
      seed: 21,
      inputs: (ctx) => mixtureRun(ctx, { n: 1000, T: 100, weights: [0.7, 0.2, 0.1] }),
      run: sampleStats,
      compare: { rtol: 0, atol: STATS_ATOL, properties: mixtureProperties([0.7, 0.2, 0.1]) },
    },
    {
      id: 'tight-components',
      name: 'narrow components (s = 0.15), 1000 samples: its statistics',
      visible: false,
      points: 1.5,
      seed: 31,
      inputs: (ctx) => mixtureRun(ctx, { n: 1000, T: 100, weights: [0.2, 0.4, 0.4], s: 0.15 }),
      run: sampleStats,
      compare: { rtol: 0, atol: STATS_ATOL, properties: mixtureProperties([0.2, 0.4, 0.4], 0.15) },
    },
  ],
  {
    mistakes: [
      mistake('noise-at-last', 'the last step (t = 0) returns the mean only: no noise is added there', { noise: 'always' }),
      mistake('noise-reversed', 'the noise of the step at t is noise[t], whatever the position of that step in the loop', { loopOrder: true }),
      mistake('skip-first', 'the loop starts at t = T − 1: xStart is x_{T−1}, and the first step is the one at T − 1', { skipFirst: true }),
      mistake('zero-start', 'start from xStart: the sampler begins at the given noise, not at zeros', { zeroStart: true }),
      mistake('no-noise', 'for t > 0 each step adds sqrt(beta_t) · noise[t]: without it the samples collapse onto the modes', { noise: 'never' }),
      mistake('sigma-is-beta', 'the noise scale is sqrt(beta_t), a standard deviation, not the variance beta_t: the samples come out too tight', { sigmaBeta: true }),
      mistake('ascending-t', 'sampling runs t downwards, T − 1 to 0: the noisiest step comes first', { ascending: true }),
      mistake('eps-once', 'ask the model at every step, at the current sample and the current t: ε changes as x does', { epsOnce: true }),
      mistake('alpha-not-bar', 'the ε coefficient is beta_t / sqrt(1 − alphaBar_t), with the cumulative alphaBar_t, not alpha_t', { alphaNotBar: true }),
    ],
  },
);
