// Test cases for bernoulliNegElbo and gaussianNegElbo. Evaluated only inside the trusted grading isolate.
const LOG_2PI = Math.log(2 * Math.PI);
const encoder = (rng, B, K) => [rng.normal([B, K]), rng.uniform([B, K], -2, 1)];
const bernoulli = (rng, B, D, K, { logitStd = 2, binary = true } = {}) => [
  binary ? rng.int([B, D], 0, 2).toFloat() : rng.uniform([B, D]),
  rng.normal([B, D], 0, logitStd),
  ...encoder(rng, B, K),
];
const gaussian = (rng, B, D, K, { lo = -2, hi = 1 } = {}) => [rng.normal([B, D]), rng.normal([B, D]), rng.uniform([B, D], lo, hi), ...encoder(rng, B, K)];
const BERN_GRAD = { wrt: [1, 2, 3], atol: 1e-4 };
const GAUSS_GRAD = { wrt: [1, 2, 3, 4], atol: 1e-4 };

// Wrong variants for the messages; each changes one thing in the right loss, in both functions where it applies.
const klWith = (mu, lv, o) => lv.add(1).sub(mu.square()).sub(o.klStd ? lv.mul(0.5).exp() : lv.exp()).sum(1).mul(-0.5);
const combine = (perFeature, mu, lv, o) => {
  const recon = o.reconMean ? perFeature.mean(1) : perFeature.sum(1);
  const kl = klWith(mu, lv, o);
  const total = o.noKl ? recon : o.klSubtracted ? recon.sub(kl) : recon.add(kl);
  return o.sumBatch ? total.sum() : total.mean();
};
const bernWith = (x, l, mu, lv, o = {}) => {
  const bce = l.softplus().sub(x.mul(l));
  return combine(o.bceSign ? bce.neg() : bce, mu, lv, o);
};
const gaussWith = (x, m, v, mu, lv, o = {}) => {
  const scale = o.gaussStd ? v.mul(0.5).exp() : v.exp();
  let perFeature = x.sub(m).square().div(scale);
  if (!o.noLogVar) perFeature = perFeature.add(v);
  if (!o.noConst) perFeature = perFeature.add(LOG_2PI);
  return combine(perFeature.mul(0.5), mu, lv, o);
};
const both = (o) => ({ bernoulliNegElbo: (x, l, mu, lv) => bernWith(x, l, mu, lv, o), gaussianNegElbo: (x, m, v, mu, lv) => gaussWith(x, m, v, mu, lv, o) });
const gaussOnly = (o) => ({ gaussianNegElbo: (x, m, v, mu, lv) => gaussWith(x, m, v, mu, lv, o) });

defineTests(
  [
    {
      id: 'bernoulli-example',
      name: 'bernoulliNegElbo: worked example from the statement, with its gradient',
      visible: true,
      points: 1,
      seed: 1,
      entry: 'bernoulliNegElbo',
      inputs: ({ tf }) => [tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 0]]), tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 0]])],
      grad: BERN_GRAD,
    },
    {
      id: 'bernoulli-random',
      name: 'bernoulliNegElbo: batch of 8, D = 12, K = 3, with the gradient',
      visible: true,
      points: 1.5,
      seed: 42,
      entry: 'bernoulliNegElbo',
      inputs: ({ rng }) => bernoulli(rng, 8, 12, 3),
      grad: BERN_GRAD,
    },
    {
      id: 'bernoulli-extreme-logits',
      name: 'bernoulliNegElbo: logits up to ±40 (a confident decoder), batch of 6',
      visible: false,
      points: 1.5,
      seed: 3,
      entry: 'bernoulliNegElbo',
      inputs: ({ rng }) => bernoulli(rng, 6, 20, 4, { logitStd: 25 }),
      grad: BERN_GRAD,
    },
    {
      id: 'bernoulli-grey',
      name: 'bernoulliNegElbo: grey levels in [0, 1], batch of 1',
      visible: false,
      points: 1,
      seed: 4,
      entry: 'bernoulliNegElbo',
      inputs: ({ rng }) => bernoulli(rng, 1, 64, 8, { binary: false }),
    },
    {
      id: 'gaussian-example',
      name: 'gaussianNegElbo: worked example from the statement, with its gradient',
      visible: true,
      points: 1,
      seed: 5,
      entry: 'gaussianNegElbo',
      inputs: ({ tf }) => [tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 0]]), tf.tensor2d([[0, 0]]), tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 0]])],
      grad: GAUSS_GRAD,
    },
    {
      id: 'gaussian-random',
      name: 'gaussianNegElbo: batch of 8, D = 10, K = 3, with the gradient',
      visible: true,
      points: 1.5,
      seed: 43,
      entry: 'gaussianNegElbo',
      inputs: ({ rng }) => gaussian(rng, 8, 10, 3),
      grad: GAUSS_GRAD,
    },
    {
      id: 'gaussian-wide-variances',
      name: 'gaussianNegElbo: decoder log-variances from −6 to 4, batch of 16',
      visible: false,
      points: 1.5,
      seed: 7,
      entry: 'gaussianNegElbo',
      inputs: ({ rng }) => gaussian(rng, 16, 24, 6, { lo: -6, hi: 4 }),
      grad: { ...GAUSS_GRAD, atol: 1e-3, rtol: 1e-3 },
    },
    {
      id: 'gaussian-batch-of-one',
      name: 'gaussianNegElbo: batch of 1, D = 32',
      visible: false,
      points: 1,
      seed: 8,
      entry: 'gaussianNegElbo',
      inputs: ({ rng }) => gaussian(rng, 1, 32, 4),
    },
  ],
  {
    mistakes: [
      { id: 'no-kl', message: 'the KL term is missing: the negative ELBO is the reconstruction term plus KL(q(z | x) ‖ N(0, I))', replace: both({ noKl: true }) },
      { id: 'kl-subtracted', message: 'the ELBO is log p(x | z) − KL, so its negative adds the KL to the reconstruction term; this subtracts it', replace: both({ klSubtracted: true }) },
      { id: 'kl-std-term', message: 'in the KL the last term is the variance exp(logVar), not the standard deviation exp(0.5 · logVar)', replace: both({ klStd: true }) },
      { id: 'recon-mean-features', message: 'sum the reconstruction term over the D features (it is a log-likelihood of the whole x); this averages them', replace: both({ reconMean: true }) },
      { id: 'sum-over-batch', message: 'average the per-example negative ELBO over the batch: this sums it', replace: both({ sumBatch: true }) },
      { id: 'bce-sign', message: 'the reconstruction term is −log p(x | z) = softplus(l) − x · l, positive; this has the sign of the log-likelihood', replace: { bernoulliNegElbo: (x, l, mu, lv) => bernWith(x, l, mu, lv, { bceSign: true }) } },
      { id: 'gauss-no-const', message: 'the Gaussian term has a constant 0.5 · log 2π per feature: it does not change the gradient but it is part of the value', replace: gaussOnly({ noConst: true }) },
      { id: 'gauss-no-logvar', message: 'the Gaussian term includes 0.5 · xLogVar per feature: without it a decoder could lower the loss by inflating its variance', replace: gaussOnly({ noLogVar: true }) },
      { id: 'gauss-std', message: 'divide the squared error by the variance exp(xLogVar), not by the standard deviation exp(0.5 · xLogVar)', replace: gaussOnly({ gaussStd: true }) },
    ],
  },
);
