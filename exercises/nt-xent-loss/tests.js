// Test cases for ntXentLoss. Evaluated only inside the trusted grading isolate.
// Two "views": the second is the first plus noise, so positives are similar but not identical.
const views = (rng, n, d, noise = 0.5) => {
  const z1 = rng.normal([n, d]);
  return [z1, z1.add(rng.normal([n, d], 0, noise))];
};

// Wrong variants for the visible messages, built from one parameterised implementation.
const variant = (z1, z2, tau, o = {}) => {
  const n = z1.shape[0];
  const z = tf.concat([z1, z2], 0);
  const unit = o.noNormalise ? z : z.div(z.norm('euclidean', o.normAxis === 0 ? 0 : 1, true));
  const sim = unit.matMul(unit, false, true).mul(o.timesTau ? tau : 1 / (o.noTau ? 1 : tau));
  const pos = tf.oneHot(tf.tensor1d(Array.from({ length: 2 * n }, (_, i) => (i + n) % (2 * n)), 'int32'), 2 * n);
  let mask = tf.eye(2 * n);
  if (o.keepSelf) mask = tf.zerosLike(mask);
  if (o.dropPositive) mask = mask.add(pos);
  const logits = sim.sub(mask.mul(1e9));
  let rows = logits.logSumExp(1).sub(sim.mul(pos).sum(1));
  if (o.firstViewOnly) rows = rows.slice(0, n);
  if (o.overN) return rows.sum().div(n);
  return o.sum ? rows.sum() : rows.mean();
};
const mistake = (id, message, o) => ({ id, message, replace: { ntXentLoss: (z1, z2, tau) => variant(z1, z2, tau, o) } });

defineTests(
  [
    {
      id: 'worked-example',
      name: 'worked example from the statement (N = 2, d = 2, τ = 0.5)',
      visible: true,
      points: 1.5,
      seed: 1,
      inputs: ({ tf }) => [tf.tensor2d([[1, 0], [0, 1]]), tf.tensor2d([[2, 0], [0, 3]]), 0.5],
    },
    {
      id: 'random-batch',
      name: 'batch of 8 pairs, d = 16, τ = 0.5',
      visible: true,
      points: 2,
      seed: 42,
      inputs: ({ rng }) => [...views(rng, 8, 16), 0.5],
      // Visible gradient check: a loss tf.grad cannot follow is not a loss (with the other two, 55 % of the points).
      grad: { wrt: [0, 1], atol: 1e-4 },
    },
    {
      id: 'batch-of-one',
      name: 'a single pair (N = 1), checked with a batch of 4, τ = 0.1',
      visible: false,
      points: 1,
      seed: 3,
      // The N = 1 loss is 0, what an untouched stub returns, so this case also needs a batch of 4 right.
      inputs: ({ rng }) => [...views(rng, 1, 8), 0.1, ...views(rng, 4, 8)],
      run: ({ ntXentLoss }, z1, z2, tau, w1, w2) => [ntXentLoss(z1, z2, tau), ntXentLoss(w1, w2, tau)],
    },
    {
      id: 'small-temperature',
      name: 'τ = 0.01: logits up to 100 (16 pairs, d = 4, hard negatives)',
      visible: false,
      points: 1.5,
      seed: 4,
      inputs: ({ rng }) => [...views(rng, 16, 4, 0.7), 0.01],
      compare: { rtol: 1e-4, atol: 1e-4 },
    },
    {
      id: 'scaled-embeddings',
      name: 'embeddings of very different norms (×10 and ×0.1), 8 pairs, τ = 0.2',
      visible: false,
      points: 1.5,
      seed: 5,
      inputs: ({ rng }) => {
        const [z1, z2] = views(rng, 8, 12);
        return [z1.mul(10), z2.mul(0.1), 0.2];
      },
      grad: { wrt: [0, 1], atol: 1e-4 },
    },
    {
      id: 'large-batch',
      name: '64 pairs, d = 32, τ = 0.1',
      visible: false,
      points: 0.5,
      seed: 6,
      inputs: ({ rng }) => [...views(rng, 64, 32, 1), 0.1],
      compare: { rtol: 1e-4, atol: 1e-4 },
    },
    {
      id: 'gradient',
      name: 'gradient with respect to both views',
      visible: false,
      points: 2,
      seed: 7,
      inputs: ({ rng }) => [...views(rng, 6, 8), 0.5],
      grad: { wrt: [0, 1], atol: 1e-4 },
    },
  ],
  {
    mistakes: [
      mistake('no-normalise', 'L2-normalise each row first: the similarity is the cosine z_i · z_k / (‖z_i‖ ‖z_k‖), not the raw dot product', { noNormalise: true }),
      mistake('normalise-columns', 'normalise each row (axis 1), not each column', { normAxis: 0 }),
      mistake('self-included', 'exclude k = i from the denominator: a row’s similarity with itself is not a negative', { keepSelf: true }),
      mistake('positive-excluded', 'the denominator runs over every k ≠ i, the positive included', { dropPositive: true }),
      mistake('first-view-only', 'average over all 2N rows: the rows of z2 are anchors too', { firstViewOnly: true }),
      mistake('sum-not-mean', 'take the mean over the 2N rows, not the sum', { sum: true }),
      mistake('mean-over-n', 'the mean is over all 2N rows (both views are anchors): divide the sum by 2N, not by N', { overN: true }),
      mistake('no-temperature', 'divide the similarities by the temperature', { noTau: true }),
      mistake('times-temperature', 'divide the similarities by the temperature, do not multiply', { timesTau: true }),
    ],
  },
);
