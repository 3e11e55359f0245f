// Test cases for dequantize and bitsPerDim. Evaluated only inside the trusted grading isolate.
const CIFAR_DIMS = 32 * 32 * 3;

// Wrong variants for the visible messages.
const bpdWith = (ld, D, { correction, perNat }) => ld.sub(correction(D)).neg().div(D * perNat);
const LN256 = Math.log(256);
// Every case checks the gradient too (w.r.t. u for dequantize, logDensity for bitsPerDim), so either
// function cut from the graph loses all its points: half of the exercise each, like ignoring u.

defineTests(
  [
    {
      id: 'dequantize-example',
      name: 'dequantize: worked example from the statement',
      visible: true,
      points: 1,
      seed: 1,
      entry: 'dequantize',
      inputs: ({ tf }) => [tf.tensor2d([[0, 128, 255]], [1, 3], 'int32'), tf.tensor2d([[0.5, 0.25, 0.75]])],
      grad: { wrt: [1], atol: 1e-6 },
    },
    {
      id: 'dequantize-images',
      name: 'dequantize: 2 images 4×4×3',
      visible: true,
      points: 1.5,
      seed: 42,
      entry: 'dequantize',
      inputs: ({ rng }) => [rng.int([2, 4, 4, 3], 0, 256), rng.uniform([2, 4, 4, 3])],
      grad: { wrt: [1], atol: 1e-6 },
    },
    {
      id: 'dequantize-extremes',
      name: 'dequantize: the extreme pixel values 0 and 255 with noise near 0 and near 1',
      visible: false,
      points: 1.5,
      seed: 3,
      entry: 'dequantize',
      inputs: ({ tf }) => [
        tf.tensor2d([[0, 0, 255, 255], [0, 255, 0, 255]], [2, 4], 'int32'),
        tf.tensor2d([[0, 0.999, 0, 0.999], [0.5, 0.5, 0.0001, 0.9999]]),
      ],
      grad: { wrt: [1], atol: 1e-6 },
    },
    {
      id: 'dequantize-gradient',
      name: 'dequantize: gradient with respect to the noise',
      visible: false,
      points: 1,
      seed: 4,
      entry: 'dequantize',
      inputs: ({ rng }) => [rng.int([3, 5], 0, 256), rng.uniform([3, 5])],
      grad: { wrt: [1], atol: 1e-6 },
    },
    {
      id: 'bpd-example',
      name: 'bitsPerDim: worked example (D = 3072, log densities 0, 5000, 8000)',
      visible: true,
      points: 1.5,
      seed: 5,
      entry: 'bitsPerDim',
      inputs: ({ tf }) => [tf.tensor1d([0, 5000, 8000]), CIFAR_DIMS],
      grad: { wrt: [0], atol: 1e-9, rtol: 1e-4 },
    },
    {
      id: 'bpd-batch-of-one',
      name: 'bitsPerDim: batch of 1, D = 784',
      visible: false,
      points: 1,
      seed: 6,
      entry: 'bitsPerDim',
      inputs: ({ tf }) => [tf.tensor1d([-250.5]), 28 * 28],
      grad: { wrt: [0], atol: 1e-9, rtol: 1e-4 },
    },
    {
      id: 'bpd-large',
      name: 'bitsPerDim: 64 log densities of 64×64×3 images',
      visible: false,
      points: 1.5,
      seed: 7,
      entry: 'bitsPerDim',
      inputs: ({ rng }) => [rng.uniform([64], -5000, 40000), 64 * 64 * 3],
      grad: { wrt: [0], atol: 1e-9, rtol: 1e-4 },
    },
    {
      id: 'bpd-gradient',
      name: 'bitsPerDim: gradient with respect to the log density',
      visible: false,
      points: 1,
      seed: 8,
      entry: 'bitsPerDim',
      inputs: ({ rng }) => [rng.uniform([5], 1000, 9000), CIFAR_DIMS],
      grad: { wrt: [0], atol: 1e-9, rtol: 1e-4 },
    },
  ],
  {
    mistakes: [
      {
        id: 'divide-255',
        message: 'divide by 256, not 255: the 256 bins [k, k + 1) together cover [0, 256)',
        replace: { dequantize: (x, u) => x.toFloat().add(u).div(255) },
      },
      {
        id: 'no-noise',
        message: 'the uniform noise u is missing: add it to x before scaling',
        replace: { dequantize: (x, u) => x.toFloat().div(256) },
      },
      {
        id: 'noise-unscaled',
        message: 'scale the noise too: (x + u) / 256, not x / 256 + u',
        replace: { dequantize: (x, u) => x.toFloat().div(256).add(u) },
      },
      {
        id: 'no-rescaling-term',
        message: 'the D · ln 256 term is missing: the log density of x + u on [0, 256)^D is the one on [0, 1]^D minus D · ln 256',
        replace: { bitsPerDim: (ld, D) => bpdWith(ld, D, { correction: () => 0, perNat: Math.LN2 }) },
      },
      {
        id: 'single-ln256',
        message: 'the rescaling term is D · ln 256 (one ln 256 per dimension), not a single ln 256',
        replace: { bitsPerDim: (ld, D) => bpdWith(ld, D, { correction: () => LN256, perNat: Math.LN2 }) },
      },
      {
        id: 'nats',
        message: 'this is nats per dimension: divide by ln 2 as well to get bits',
        replace: { bitsPerDim: (ld, D) => bpdWith(ld, D, { correction: (d) => d * LN256, perNat: 1 }) },
      },
      {
        id: 'wrong-sign',
        message: 'bits per dimension is a negative log-likelihood: −(logDensity − D · ln 256) / (D · ln 2)',
        replace: { bitsPerDim: (ld, D) => bpdWith(ld, D, { correction: (d) => d * LN256, perNat: Math.LN2 }).neg() },
      },
      {
        id: 'batch-mean',
        message: 'return one bits/dim value per example (shape [batch]); do not average over the batch',
        replace: { bitsPerDim: (ld, D) => bpdWith(ld, D, { correction: (d) => d * LN256, perNat: Math.LN2 }).mean() },
      },
      {
        id: 'added-correction',
        message: 'subtract D · ln 256 from the log density, do not add it',
        replace: { bitsPerDim: (ld, D) => bpdWith(ld, D, { correction: (d) => -d * LN256, perNat: Math.LN2 }) },
      },
    ],
  },
);
