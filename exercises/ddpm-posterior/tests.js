// Test cases for ddpmPosterior. Evaluated only inside the trusted grading isolate.
const ddpmBetas = (tf, T) => tf.linspace(1e-4, 0.02, T);
// x0, xt, t, betas for a batch of the given shape.
const pair = (rng, shape, t, betas) => [rng.normal(shape), rng.normal(shape), t, betas];
// Every gradient check is on the mean, with respect to x0 and xt.
const GRAD = { wrt: [0, 1], output: 'mean', atol: 1e-5 };

// Wrong variants for the messages; each changes one thing in the right formulas. Plain numbers for the
// schedule, so each variant reads as the formula it stands for.
const posteriorWith = (x0, xt, t, betas, o = {}) => {
  const b = betas.dataSync();
  const bar = (factors) => {
    let p = 1;
    for (let s = 0; s < factors; s++) p *= 1 - b[s];
    return p;
  };
  const shift = o.oneBased ? 1 : 0;
  const cur = bar(t + 1 - shift);
  const prev = o.currentForPrev ? cur : bar(Math.max(t - shift, 0));
  const beta = b[t];
  const alpha = 1 - beta;
  let c0 = ((o.noSqrtX0 ? prev : Math.sqrt(prev)) * beta) / (1 - cur);
  let ct = (Math.sqrt(o.alphaBarInXt ? cur : alpha) * (1 - prev)) / (1 - cur);
  if (o.swapped) [c0, ct] = [ct, c0];
  let variance = ((1 - prev) / (1 - cur)) * beta;
  if (o.variance) variance = o.variance({ prev, cur, beta, variance });
  return { mean: x0.mul(c0).add(xt.mul(ct)), variance: tf.scalar(variance) };
};
const mistake = (id, message, o) => ({ id, message, replace: { ddpmPosterior: (x0, xt, t, betas) => posteriorWith(x0, xt, t, betas, o) } });

defineTests(
  [
    {
      id: 'worked-example',
      name: 'worked example from the statement (betas [0.1, 0.2, 0.5], t = 1), with the gradient of the mean',
      visible: true,
      points: 1,
      seed: 1,
      inputs: ({ tf }) => [tf.tensor2d([[1, 2]]), tf.tensor2d([[0.5, -1]]), 1, tf.tensor1d([0.1, 0.2, 0.5])],
      grad: GRAD,
    },
    {
      id: 'random-images',
      name: 'batch of 2 images 4×4×3, T = 100, t = 37',
      visible: true,
      points: 2,
      seed: 42,
      inputs: ({ tf, rng }) => pair(rng, [2, 4, 4, 3], 37, ddpmBetas(tf, 100)),
    },
    {
      id: 't-zero',
      name: 'first step of the chain, t = 0: the mean is x0 and the variance 0',
      visible: false,
      points: 1.5,
      seed: 5,
      inputs: ({ tf, rng }) => pair(rng, [3, 16], 0, tf.linspace(0.05, 0.3, 10)),
      grad: GRAD,
    },
    {
      id: 't-one',
      name: 't = 1, a large schedule',
      visible: false,
      points: 1,
      seed: 9,
      inputs: ({ tf, rng }) => pair(rng, [3, 16], 1, tf.linspace(0.05, 0.3, 10)),
    },
    {
      id: 'last-of-1000',
      name: 't = 999 of 1000, batch of 1',
      visible: false,
      points: 1,
      seed: 6,
      inputs: ({ tf, rng }) => pair(rng, [1, 8, 8, 1], 999, ddpmBetas(tf, 1000)),
    },
    {
      id: 'custom-schedule',
      name: 'a non-linear schedule (random betas in [0.01, 0.3]), t = 12, with the gradient',
      visible: false,
      points: 1.5,
      seed: 7,
      inputs: ({ rng }) => pair(rng, [6, 5], 12, rng.uniform([20], 0.01, 0.3)),
      grad: { ...GRAD, atol: 1e-4 },
    },
    {
      id: 'gradient',
      name: 'gradient of the mean with respect to x0 and xt',
      visible: false,
      points: 2,
      seed: 8,
      inputs: ({ tf, rng }) => pair(rng, [4, 6], 50, ddpmBetas(tf, 200)),
      grad: GRAD,
    },
  ],
  {
    mistakes: [
      mistake('current-for-prev', 'alphaBar_{t−1} (t factors) is not alphaBar_t (t + 1 factors): the x0 coefficient and the variance both use the previous step', {
        currentForPrev: true,
      }),
      mistake('swapped-coefficients', 'the coefficients are swapped: sqrt(alphaBar_{t−1}) · beta_t / (1 − alphaBar_t) multiplies x0, and sqrt(alpha_t) · (1 − alphaBar_{t−1}) / (1 − alphaBar_t) multiplies xt', {
        swapped: true,
      }),
      mistake('no-sqrt-x0', 'the x0 coefficient has the square root sqrt(alphaBar_{t−1}), not alphaBar_{t−1}', { noSqrtX0: true }),
      mistake('alphabar-in-xt', 'the xt coefficient uses the one-step sqrt(alpha_t) = sqrt(1 − beta_t), not the cumulative sqrt(alphaBar_t)', { alphaBarInXt: true }),
      mistake('variance-is-beta', 'the posterior variance is beta-tilde_t = beta_t · (1 − alphaBar_{t−1}) / (1 − alphaBar_t), not beta_t itself', {
        variance: ({ beta }) => beta,
      }),
      mistake('variance-inverted', 'the ratio in the variance is (1 − alphaBar_{t−1}) / (1 − alphaBar_t), previous step on top: beta-tilde_t is below beta_t', {
        variance: ({ prev, cur, beta }) => ((1 - cur) / (1 - prev)) * beta,
      }),
      mistake('std-not-variance', 'return the variance beta-tilde_t itself, not its square root (the standard deviation)', { variance: ({ variance }) => Math.sqrt(variance) }),
      mistake('off-by-one', 't is 0-based: alphaBar_t has t + 1 factors (1 − beta_s), s = 0..t, and alphaBar_{t−1} has t', { oneBased: true }),
    ],
  },
);
