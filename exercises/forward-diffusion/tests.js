// Test cases for linearBetaSchedule and qSample. Evaluated only inside the trusted grading isolate.
// Betas are small (1e-4): schedule cases use a tiny atol so that a relative error is still caught.
const SCHEDULE_TOL = { rtol: 1e-4, atol: 1e-8 };
// The schedule used in the DDPM paper, built here rather than with the student's function.
const ddpmBetas = (tf, T) => tf.linspace(1e-4, 0.02, T);

// Wrong variants of qSample for the visible messages.
const qWith = (x0, t, betas, noise, { alphaBar, noiseCoef }) => {
  const ab = alphaBar(tf.sub(1, betas), betas, t);
  const c = noiseCoef ? noiseCoef(ab) : ab.neg().add(1).sqrt();
  return x0.mul(ab.sqrt()).add(noise.mul(c));
};
const productTo = (alphas, n) => (n <= 0 ? tf.scalar(1) : alphas.slice(0, n).prod());

defineTests(
  [
    {
      id: 'schedule-small',
      name: 'linearBetaSchedule(5, 0.1, 0.5)',
      visible: true,
      points: 1,
      seed: 1,
      entry: 'linearBetaSchedule',
      inputs: () => [5, 0.1, 0.5],
      compare: SCHEDULE_TOL,
    },
    {
      id: 'schedule-ddpm',
      name: 'linearBetaSchedule(1000, 1e-4, 0.02), as in the DDPM paper',
      visible: false,
      points: 1,
      seed: 2,
      entry: 'linearBetaSchedule',
      inputs: () => [1000, 1e-4, 0.02],
      compare: SCHEDULE_TOL,
    },
    {
      id: 'schedule-single-step',
      name: 'linearBetaSchedule with T = 1',
      visible: false,
      points: 0.5,
      seed: 3,
      entry: 'linearBetaSchedule',
      inputs: () => [1, 0.05, 0.2],
      compare: SCHEDULE_TOL,
    },
    {
      id: 'worked-example',
      name: 'worked example from the statement (betas [0.1, 0.2, 0.5], t = 1)',
      visible: true,
      points: 1,
      seed: 4,
      entry: 'qSample',
      inputs: ({ tf }) => [tf.tensor2d([[1, 2]]), 1, tf.tensor1d([0.1, 0.2, 0.5]), tf.tensor2d([[0.5, -1]])],
    },
    {
      id: 'random-images',
      name: 'batch of 2 images 4×4×3, T = 100, t = 37, and the gradient with respect to x0 and the noise',
      visible: true,
      points: 1.5,
      seed: 42,
      entry: 'qSample',
      inputs: ({ tf, rng }) => [rng.uniform([2, 4, 4, 3], -1, 1), 37, ddpmBetas(tf, 100), rng.normal([2, 4, 4, 3])],
      grad: { wrt: [0, 3], atol: 1e-5 },
    },
    {
      id: 't-zero',
      name: 'first step, t = 0 (with its gradient)',
      visible: false,
      points: 1,
      seed: 5,
      entry: 'qSample',
      inputs: ({ tf, rng }) => [rng.uniform([3, 16], -1, 1), 0, tf.linspace(0.05, 0.3, 10), rng.normal([3, 16])],
      grad: { wrt: [0, 3], atol: 1e-5 },
    },
    {
      id: 'last-step',
      name: 'last step of 1000 (x_t is almost pure noise), batch of 1, with its gradient',
      visible: false,
      points: 1,
      seed: 6,
      entry: 'qSample',
      inputs: ({ tf, rng }) => [rng.uniform([1, 8, 8, 1], -1, 1), 999, ddpmBetas(tf, 1000), rng.normal([1, 8, 8, 1])],
      grad: { wrt: [0, 3], atol: 1e-5 },
    },
    {
      id: 'custom-schedule',
      name: 'a non-linear schedule (random betas in [0.01, 0.3]), t = 12 (with its gradient)',
      visible: false,
      points: 1,
      seed: 7,
      entry: 'qSample',
      inputs: ({ rng }) => [rng.normal([6, 5]), 12, rng.uniform([20], 0.01, 0.3), rng.normal([6, 5])],
      grad: { wrt: [0, 3], atol: 1e-5 },
    },
    {
      id: 'gradient',
      name: 'gradient with respect to x0 and the noise',
      visible: false,
      points: 2,
      seed: 8,
      entry: 'qSample',
      inputs: ({ tf, rng }) => [rng.normal([4, 6]), 50, ddpmBetas(tf, 200), rng.normal([4, 6])],
      grad: { wrt: [0, 3], atol: 1e-5 },
    },
  ],
  {
    // Each variant changes one thing in the right formula; the grader matches a student's outputs against them.
    mistakes: [
      {
        id: 'end-excluded',
        message: 'the last value must be betaEnd: the step is (betaEnd − betaStart) / (T − 1)',
        replace: { linearBetaSchedule: (T, a, b) => tf.range(0, T).mul((b - a) / T).add(a) },
      },
      {
        id: 'alpha-not-cumulative',
        message: 'use alphaBar_t, the product of alpha_s over s = 0..t, not alpha_t alone',
        replace: { qSample: (x0, t, betas, noise) => qWith(x0, t, betas, noise, { alphaBar: (al) => al.slice(t, 1).reshape([]) }) },
      },
      {
        id: 'product-too-short',
        message: 'off by one: alphaBar_t includes s = t, so it has t + 1 factors (alpha_0 … alpha_t)',
        replace: { qSample: (x0, t, betas, noise) => qWith(x0, t, betas, noise, { alphaBar: (al) => productTo(al, t) }) },
      },
      {
        id: 'product-too-long',
        message: 'off by one: t is 0-based, so alphaBar_t = alpha_0 · … · alpha_t (t + 1 factors, not t + 2)',
        replace: { qSample: (x0, t, betas, noise) => qWith(x0, t, betas, noise, { alphaBar: (al) => productTo(al, t + 2) }) },
      },
      {
        id: 'product-of-betas',
        message: 'alpha_s = 1 − beta_s: multiply the alphas, not the betas',
        replace: { qSample: (x0, t, betas, noise) => qWith(x0, t, betas, noise, { alphaBar: (al, b) => b.slice(0, t + 1).prod() }) },
      },
      {
        id: 'no-sqrt',
        message: 'the coefficients are square roots: sqrt(alphaBar_t) · x0 + sqrt(1 − alphaBar_t) · noise',
        replace: {
          qSample: (x0, t, betas, noise) => {
            const ab = tf.sub(1, betas).slice(0, t + 1).prod();
            return x0.mul(ab).add(noise.mul(ab.neg().add(1)));
          },
        },
      },
      {
        id: 'noise-no-sqrt',
        message: 'the noise is scaled by its standard deviation sqrt(1 − alphaBar_t), not by the variance 1 − alphaBar_t',
        replace: {
          qSample: (x0, t, betas, noise) => qWith(x0, t, betas, noise, { alphaBar: (al) => al.slice(0, t + 1).prod(), noiseCoef: (ab) => ab.neg().add(1) }),
        },
      },
      {
        id: 'whole-schedule',
        message: 'alphaBar_t multiplies alpha_0 … alpha_t only, not the whole schedule: slice the alphas up to index t',
        replace: { qSample: (x0, t, betas, noise) => qWith(x0, t, betas, noise, { alphaBar: (al) => al.prod() }) },
      },
      {
        id: 'sum-of-betas',
        message: 'alphaBar_t is a product, Π (1 − beta_s), not 1 − Σ beta_s',
        replace: { qSample: (x0, t, betas, noise) => qWith(x0, t, betas, noise, { alphaBar: (al, b) => b.slice(0, t + 1).sum().neg().add(1) }) },
      },
      {
        id: 'noise-coefficient',
        message: 'the noise coefficient is sqrt(1 − alphaBar_t), not 1 − sqrt(alphaBar_t)',
        replace: {
          qSample: (x0, t, betas, noise) =>
            qWith(x0, t, betas, noise, { alphaBar: (al) => al.slice(0, t + 1).prod(), noiseCoef: (ab) => ab.sqrt().neg().add(1) }),
        },
      },
    ],
  },
);
