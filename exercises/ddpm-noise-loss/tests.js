// Test cases for ddpmLoss. Evaluated only inside the trusted grading isolate.
const ddpmBetas = (tf, T) => tf.linspace(1e-4, 0.02, T);

// A small noise predictor: one tanh layer over x_t and a sinusoidal embedding of t. Passed with
// fn(factory, weights) where only values are checked, and rebuilt inside `run` from weights passed as
// arguments where the gradient with respect to those weights is checked (a run is self-contained).
const mlp = (tf, w) => (xt, t) => {
  const time = tf.sin(tf.mul(tf.reshape(tf.cast(t, 'float32'), [-1, 1]), w.freq));
  return tf.matMul(tf.tanh(tf.add(tf.matMul(xt, w.w1), tf.matMul(time, w.wt))), w.w2);
};
const weights = (rng, D, hidden = 8) => ({ w1: rng.normal([D, hidden]), wt: rng.normal([4, hidden]), freq: rng.uniform([1, 4], 0.001, 0.1), w2: rng.normal([hidden, D], 0, 0.5) });
const batch = (rng, B, D, T) => [rng.normal([B, D]), rng.int([B], 0, T), rng.normal([B, D])];
// The loss through a network built from its weights (arguments 4–7), so tf.grads reaches them.
const throughWeights = ({ ddpmLoss }, x0, t, eps, betas, w1, wt, freq, w2) =>
  ddpmLoss(x0, t, eps, betas, (xt, tt) => {
    const time = tf.sin(tf.mul(tf.reshape(tf.cast(tt, 'float32'), [-1, 1]), freq));
    return tf.matMul(tf.tanh(tf.add(tf.matMul(xt, w1), tf.matMul(time, wt))), w2);
  });
const weightArgs = (w) => [w.w1, w.wt, w.freq, w.w2];
const WEIGHT_GRAD = { wrt: [4, 5, 7], atol: 1e-4, rtol: 1e-3 };

// Wrong variants for the messages; each changes one thing in the right loss.
const lossWith = (x0, t, eps, betas, net, o = {}) => {
  const b = betas.dataSync();
  const steps = t.dataSync();
  const bar = (s) => {
    let p = 1;
    for (let k = 0; k < (o.factors ? o.factors(s) : s + 1); k++) p *= 1 - b[k];
    return o.alphaNotBar ? 1 - b[s] : p;
  };
  const ab = Array.from(steps, (s) => bar(o.sharedT ? steps[0] : s));
  const root = (v) => (o.noSqrt ? v : Math.sqrt(v));
  let a = tf.tensor2d(ab.map((v) => [root(v)]));
  let c = tf.tensor2d(ab.map((v) => [root(1 - v)]));
  if (o.swapped) [a, c] = [c, a];
  const xt = a.mul(x0).add(c.mul(eps));
  const err = (o.targetX0 ? x0 : eps).sub(net(o.netOnX0 ? x0 : xt, t)).square();
  if (o.reduce === 'mean-all') return err.mean();
  if (o.reduce === 'sum-all') return err.sum();
  return err.sum(1).mean();
};
const mistake = (id, message, o) => ({ id, message, replace: { ddpmLoss: (x0, t, eps, betas, net) => lossWith(x0, t, eps, betas, net, o) } });

defineTests(
  [
    {
      id: 'worked-example',
      name: 'worked example from the statement (net(x_t) = 0.5 · x_t)',
      visible: true,
      points: 1,
      seed: 1,
      inputs: ({ tf, fn }) => [
        tf.tensor2d([[1, 2], [0, 1]]),
        tf.tensor1d([0, 2], 'int32'),
        tf.tensor2d([[0.5, -1], [1, 0]]),
        tf.tensor1d([0.1, 0.2, 0.5]),
        fn((tf) => (xt) => tf.mul(0.5, xt)),
      ],
    },
    {
      id: 'gradient-weights',
      name: 'batch of 8, D = 4, T = 100: the loss and its gradient with respect to the network weights',
      visible: true,
      points: 2,
      seed: 42,
      inputs: ({ tf, rng }) => [...batch(rng, 8, 4, 100), ddpmBetas(tf, 100), ...weightArgs(weights(rng, 4))],
      run: throughWeights,
      grad: WEIGHT_GRAD,
    },
    {
      id: 'batch-of-one',
      name: 'batch of 1, D = 16, t = 999 of 1000',
      visible: false,
      points: 1,
      seed: 3,
      inputs: ({ tf, rng, fn }) => [rng.normal([1, 16]), tf.tensor1d([999], 'int32'), rng.normal([1, 16]), ddpmBetas(tf, 1000), fn(mlp, weights(rng, 16))],
    },
    {
      id: 'mixed-steps',
      name: 'batch of 12 with steps from 0 to T − 1, a large schedule',
      visible: false,
      points: 1.5,
      seed: 4,
      inputs: ({ tf, rng, fn }) => [
        rng.normal([12, 6]),
        tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 9], 'int32'),
        rng.normal([12, 6]),
        tf.linspace(0.05, 0.4, 10),
        fn(mlp, weights(rng, 6)),
      ],
    },
    {
      id: 'random-schedule',
      name: 'a non-linear schedule (random betas in [0.01, 0.2]), batch of 16, D = 3',
      visible: false,
      points: 1.5,
      seed: 5,
      inputs: ({ rng, fn }) => [...batch(rng, 16, 3, 30), rng.uniform([30], 0.01, 0.2), fn(mlp, weights(rng, 3))],
    },
    {
      id: 'gradient-weights-wide',
      name: 'gradient with respect to the network weights, batch of 32, D = 8, T = 200',
      visible: false,
      points: 3,
      seed: 6,
      inputs: ({ tf, rng }) => [...batch(rng, 32, 8, 200), ddpmBetas(tf, 200), ...weightArgs(weights(rng, 8, 12))],
      run: throughWeights,
      grad: WEIGHT_GRAD,
    },
  ],
  {
    mistakes: [
      mistake('no-sqrt', 'x_t = sqrt(alphaBar_t) · x0 + sqrt(1 − alphaBar_t) · eps: both coefficients are square roots (they are standard deviations)', { noSqrt: true }),
      mistake('alpha-not-bar', 'one jump from x0 to x_t uses the cumulative alphaBar_t = Π_{s≤t} (1 − beta_s), not the one-step alpha_t', { alphaNotBar: true }),
      mistake('off-by-one', 't is 0-based: alphaBar_t has t + 1 factors (1 − beta_s), s = 0..t', { factors: (s) => s }),
      mistake('swapped-coefficients', 'the coefficients are swapped: sqrt(alphaBar_t) multiplies x0, sqrt(1 − alphaBar_t) the noise', { swapped: true }),
      mistake('shared-t', 'each example has its own step t_i: gather alphaBar at the whole t tensor, shaped [batch, 1], not at t[0]', { sharedT: true }),
      mistake('target-x0', 'the network predicts the noise: compare its output with eps, not with x0', { targetX0: true }),
      mistake('net-on-x0', 'the network sees the noisy x_t (and t), not the clean x0', { netOnX0: true }),
      mistake('mean-over-elements', 'sum the squared error over the D features of each example (the squared norm) and average over the batch only: this also divides by D', {
        reduce: 'mean-all',
      }),
      mistake('sum-over-batch', 'average the per-example squared norms over the batch: this sums them', { reduce: 'sum-all' }),
    ],
  },
);
