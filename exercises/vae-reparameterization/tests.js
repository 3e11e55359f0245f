// Test cases for reparameterize and klToStandardNormal. Evaluated only inside the trusted grading isolate.
const LN4 = Math.log(4);
const gaussians = (rng, batch, latent, { logVarLo = -2, logVarHi = 1, muStd = 1 } = {}) => [
  rng.normal([batch, latent], 0, muStd),
  rng.uniform([batch, latent], logVarLo, logVarHi),
];
// The statement's worked examples.
const exampleMu = (tf) => tf.tensor2d([[0, 0], [1, 2], [0, 0]]);
const exampleLogVar = (tf) => tf.tensor2d([[0, 0], [0, 0], [LN4, -LN4]]);

// Every case also checks the gradient with respect to mu and logVar: the trick exists for its gradients,
// so a sample or a KL cut from the graph loses all the points of its function (half of the exercise).
const GRAD = { wrt: [0, 1], atol: 1e-4 };

// Wrong variants of the formulas; the grader matches a student's outputs against them.
const bracket = (mu, lv, variance = lv.exp()) => lv.add(1).sub(mu.square()).sub(variance);

defineTests(
  [
    {
      id: 'sample-example',
      name: 'reparameterize: worked example from the statement',
      visible: true,
      points: 1,
      seed: 1,
      entry: 'reparameterize',
      inputs: ({ tf }) => [tf.tensor2d([[0, 1]]), tf.tensor2d([[0, LN4]]), tf.tensor2d([[0.5, -1]])],
      grad: GRAD,
    },
    {
      id: 'sample-random',
      name: 'reparameterize: batch of 8, latent 4',
      visible: true,
      points: 1,
      seed: 42,
      entry: 'reparameterize',
      inputs: ({ rng }) => [...gaussians(rng, 8, 4), rng.normal([8, 4])],
      grad: GRAD,
    },
    {
      id: 'sample-extreme',
      name: 'reparameterize: log-variances from −20 to 12, batch of 1',
      visible: false,
      points: 1,
      seed: 3,
      entry: 'reparameterize',
      inputs: ({ rng }) => [...gaussians(rng, 1, 64, { logVarLo: -20, logVarHi: 12 }), rng.normal([1, 64])],
      grad: GRAD,
    },
    {
      id: 'sample-gradient',
      name: 'reparameterize: gradient with respect to mu and logVar',
      visible: false,
      points: 2,
      seed: 4,
      entry: 'reparameterize',
      inputs: ({ rng }) => [...gaussians(rng, 5, 6), rng.normal([5, 6])],
      grad: { wrt: [0, 1], atol: 1e-5 },
    },
    {
      id: 'kl-example',
      name: 'klToStandardNormal: worked example from the statement (batch 3, latent 2)',
      visible: true,
      points: 1,
      seed: 5,
      entry: 'klToStandardNormal',
      inputs: ({ tf }) => [exampleMu(tf), exampleLogVar(tf)],
      grad: GRAD,
    },
    {
      id: 'kl-random',
      name: 'klToStandardNormal: batch of 8, latent 4',
      visible: true,
      points: 1,
      seed: 42,
      entry: 'klToStandardNormal',
      inputs: ({ rng }) => gaussians(rng, 8, 4),
      grad: GRAD,
    },
    {
      id: 'kl-prior',
      name: 'klToStandardNormal: posterior equal to the prior (batch of 1), checked with a batch of 3',
      visible: false,
      points: 0.5,
      seed: 6,
      entry: 'klToStandardNormal',
      // A KL of 0 is what a constant answer returns, so this case also needs a batch of 3 right.
      inputs: ({ tf, rng }) => [tf.zeros([1, 16]), tf.zeros([1, 16]), ...gaussians(rng, 3, 16)],
      run: ({ klToStandardNormal }, mu, logVar, mu2, logVar2) => [klToStandardNormal(mu, logVar), klToStandardNormal(mu2, logVar2)],
      // The gradient of the batch of 3 (at the prior itself it is 0, what a detached KL gives too).
      grad: { wrt: [2, 3], output: '1', atol: 1e-4 },
    },
    {
      id: 'kl-extreme',
      name: 'klToStandardNormal: log-variances from −15 to 12 and large means (batch 16, latent 32)',
      visible: false,
      points: 1.5,
      seed: 7,
      entry: 'klToStandardNormal',
      inputs: ({ rng }) => gaussians(rng, 16, 32, { logVarLo: -15, logVarHi: 12, muStd: 10 }),
      grad: GRAD,
    },
    {
      id: 'kl-gradient',
      name: 'klToStandardNormal: gradient with respect to mu and logVar',
      visible: false,
      points: 1,
      seed: 8,
      entry: 'klToStandardNormal',
      inputs: ({ rng }) => gaussians(rng, 5, 6),
      grad: { wrt: [0, 1], atol: 1e-5 },
    },
  ],
  {
    mistakes: [
      {
        id: 'variance-not-std',
        message: 'exp(logVar) is the variance: scale eps by the standard deviation exp(0.5 · logVar)',
        replace: { reparameterize: (mu, lv, eps) => mu.add(lv.exp().mul(eps)) },
      },
      {
        id: 'half-outside',
        message: 'the standard deviation is exp(0.5 · logVar), not 0.5 · exp(logVar)',
        replace: { reparameterize: (mu, lv, eps) => mu.add(lv.exp().mul(0.5).mul(eps)) },
      },
      {
        id: 'logvar-as-std',
        message: 'logVar is a log-variance, not a standard deviation: use exp(0.5 · logVar)',
        replace: { reparameterize: (mu, lv, eps) => mu.add(lv.mul(eps)) },
      },
      {
        id: 'sqrt-logvar',
        message: 'the standard deviation is exp(0.5 · logVar), not sqrt(logVar) (NaN for negative log-variances)',
        replace: { reparameterize: (mu, lv, eps) => mu.add(lv.sqrt().mul(eps)) },
      },
      {
        id: 'kl-mean',
        message: 'sum over the latent dimensions, do not average them',
        replace: { klToStandardNormal: (mu, lv) => bracket(mu, lv).mean(1).mul(-0.5) },
      },
      {
        id: 'kl-batch-total',
        message: 'return one KL per example, shape [batch]: sum over axis 1 only',
        replace: { klToStandardNormal: (mu, lv) => bracket(mu, lv).sum().mul(-0.5) },
      },
      {
        id: 'kl-axis0',
        message: 'the KL terms were summed over the batch axis: sum over axis 1 (the latent dimensions), one value per example',
        replace: { klToStandardNormal: (mu, lv) => bracket(mu, lv).sum(0).mul(-0.5) },
      },
      {
        id: 'kl-sign',
        message: 'the KL divergence is non-negative: the factor is −0.5, not +0.5',
        replace: { klToStandardNormal: (mu, lv) => bracket(mu, lv).sum(1).mul(0.5) },
      },
      {
        id: 'kl-no-half',
        message: 'the factor in front of the sum is −0.5',
        replace: { klToStandardNormal: (mu, lv) => bracket(mu, lv).sum(1).neg() },
      },
      {
        id: 'kl-std-term',
        message: 'the last term is the variance exp(logVar), not the standard deviation exp(0.5 · logVar)',
        replace: { klToStandardNormal: (mu, lv) => bracket(mu, lv, lv.mul(0.5).exp()).sum(1).mul(-0.5) },
      },
    ],
  },
);
