// Test cases for reverseStep. Evaluated only inside the trusted grading isolate.
const ddpmBetas = (tf, T) => tf.linspace(1e-4, 0.02, T);
// xt, t, epsPred, betas, z for a batch of the given shape.
const step = (rng, shape, t, betas) => [rng.normal(shape), t, rng.normal(shape), betas, rng.normal(shape)];

// Wrong variants for the visible messages; each changes one thing in the right formula.
const stepWith = (xt, t, eps, betas, z, o = {}) => {
  const b = betas.dataSync();
  let alphaBar = 1;
  for (let s = 0; s < (o.factors ? o.factors(t) : t + 1); s++) alphaBar *= 1 - b[s];
  const beta = b[t];
  const alpha = 1 - beta;
  const epsCoef = (o.epsSign || 1) * (beta / Math.sqrt(1 - (o.alphaInsteadOfBar ? alpha : alphaBar)));
  const divisor = o.divisor ? o.divisor(alpha, alphaBar) : Math.sqrt(alpha);
  const sigma = o.sigma ? o.sigma(beta) : Math.sqrt(beta);
  const addNoise = o.noise === 'never' ? false : o.noise === 'always' || (o.noise === 'skip-t1' ? t !== 1 : t > 0);
  let centre = xt.sub(eps.mul(epsCoef));
  if (o.noiseInside && addNoise) return centre.add(z.mul(sigma)).div(divisor);
  const mean = o.multiply ? centre.mul(divisor) : centre.div(divisor);
  return addNoise ? mean.add(z.mul(sigma)) : mean;
};
const mistake = (id, message, o) => ({ id, message, replace: { reverseStep: (xt, t, eps, betas, z) => stepWith(xt, t, eps, betas, z, o) } });

defineTests(
  [
    {
      id: 'worked-example',
      name: 'worked example from the statement (betas [0.1, 0.2, 0.5], t = 1)',
      visible: true,
      points: 1,
      seed: 1,
      inputs: ({ tf }) => [tf.tensor2d([[1, 2]]), 1, tf.tensor2d([[0.5, -1]]), tf.tensor1d([0.1, 0.2, 0.5]), tf.tensor2d([[1, 0]])],
    },
    {
      id: 'random-images',
      name: 'batch of 2 images 4×4×3, T = 100, t = 37, and the gradient with respect to x_t and epsPred',
      visible: true,
      points: 2,
      seed: 42,
      inputs: ({ tf, rng }) => step(rng, [2, 4, 4, 3], 37, ddpmBetas(tf, 100)),
      grad: { wrt: [0, 2], atol: 1e-5 },
    },
    {
      id: 't-zero',
      name: 'last sampling step, t = 0 (with its gradient)',
      visible: false,
      points: 1.5,
      seed: 5,
      inputs: ({ tf, rng }) => step(rng, [3, 16], 0, tf.linspace(0.05, 0.3, 10)),
      grad: { wrt: [0, 2], atol: 1e-5 },
    },
    {
      id: 't-one',
      name: 't = 1 still adds noise',
      visible: false,
      points: 1,
      seed: 9,
      inputs: ({ tf, rng }) => step(rng, [3, 16], 1, tf.linspace(0.05, 0.3, 10)),
    },
    {
      id: 'first-of-1000',
      name: 'start of sampling, t = 999 of 1000, batch of 1',
      visible: false,
      points: 1,
      seed: 6,
      inputs: ({ tf, rng }) => step(rng, [1, 8, 8, 1], 999, ddpmBetas(tf, 1000)),
    },
    {
      id: 'custom-schedule',
      name: 'a non-linear schedule (random betas in [0.01, 0.3]), t = 12 (with its gradient)',
      visible: false,
      points: 1.5,
      seed: 7,
      inputs: ({ rng }) => step(rng, [6, 5], 12, rng.uniform([20], 0.01, 0.3)),
      grad: { wrt: [0, 2], atol: 1e-4 },
    },
    {
      id: 'gradient',
      name: 'gradient with respect to x_t and epsPred',
      visible: false,
      points: 2,
      seed: 8,
      inputs: ({ tf, rng }) => step(rng, [4, 6], 50, ddpmBetas(tf, 200)),
      grad: { wrt: [0, 2], atol: 1e-5 },
    },
  ],
  {
    // Each variant changes one thing in the right formula; the grader matches a student's outputs against them.
    mistakes: [
      // The two that differ from the right step at one t only come first: on that case they tie with
      // broader mistakes (no-noise also fails t = 1), and the narrower explanation is the likelier one.
      mistake('noise-at-t0', 'at t = 0 the step returns the mean only: no sigma_t · z on the last step', { noise: 'always' }),
      mistake('one-based-skip', 't is 0-based: only t = 0 skips the noise; at t = 1 the step still adds sigma_1 · z', { noise: 'skip-t1' }),
      mistake('alpha-not-bar', 'the ε coefficient is beta_t / sqrt(1 − alphaBar_t), with the cumulative alphaBar_t, not alpha_t', { alphaInsteadOfBar: true }),
      mistake('divide-by-alphabar', 'divide by sqrt(alpha_t), the one-step alpha, not by sqrt(alphaBar_t)', { divisor: (a, ab) => Math.sqrt(ab) }),
      mistake('multiply-sqrt-alpha', 'divide by sqrt(alpha_t) — this multiplies by it', { multiply: true }),
      mistake('sigma-is-beta', 'the noise scale is sigma_t = sqrt(beta_t), a standard deviation, not the variance beta_t', { sigma: (b) => b }),
      mistake('no-noise', 'for t > 0 the step adds sigma_t · z: sampling is stochastic', { noise: 'never' }),
      mistake('noise-inside', 'add sigma_t · z after dividing by sqrt(alpha_t), not before', { noiseInside: true }),
      mistake('off-by-one', 'off by one: alphaBar_t includes s = t, so it has t + 1 factors', { factors: (t) => t }),
      mistake('eps-sign', 'the predicted noise is removed: x_t − beta_t / sqrt(1 − alphaBar_t) · epsPred, with a minus sign', { epsSign: -1 }),
    ],
  },
);
