// Test cases for tripletLoss. Evaluated only inside the trusted grading isolate.
const triplets = (rng, batch, dim) => [rng.normal([batch, dim]), rng.normal([batch, dim]), rng.normal([batch, dim])];

// Wrong variants, built from one parameterised implementation (each option is one usual mistake).
const variant = (a, p, n, m, o = {}) => {
  const dist = (x, y) => {
    const d = tf.sum(tf.squaredDifference(x, y), o.batchAxis ? 0 : -1);
    return o.sqrt ? tf.sqrt(d) : d;
  };
  const gap = o.swapped ? dist(a, n).sub(dist(a, p)) : dist(a, p).sub(dist(a, n));
  if (o.hingeAfterMean) return tf.maximum(tf.mean(gap).add(m), 0);
  if (o.marginOutside) return tf.mean(tf.maximum(gap, 0)).add(m);
  const inner = gap.add(o.marginSign ? -m : m);
  const hinge = o.noHinge ? inner : tf.maximum(inner, 0);
  return o.sum ? tf.sum(hinge) : tf.mean(hinge);
};
const mistake = (id, message, o) => ({ id, message, replace: { tripletLoss: (a, p, n, m) => variant(a, p, n, m, o) } });

defineTests(
  [
    {
      id: 'hand-computed',
      name: 'small batch computed by hand',
      visible: true,
      points: 1.5,
      seed: 1,
      // d(a,p) = [1, 1], d(a,n) = [4, 0.25], margin 2 → hinge [max(0, -1), 2.75] → mean 1.375
      inputs: ({ tf }) => [
        tf.tensor2d([[0, 0], [1, 1]]),
        tf.tensor2d([[1, 0], [1, 2]]),
        tf.tensor2d([[0, 2], [1, 1.5]]),
        2,
      ],
    },
    {
      id: 'random-batch',
      name: 'random batch of 8 triplets in 4 dimensions, margin 2',
      visible: true,
      points: 2,
      seed: 42,
      inputs: ({ rng }) => [...triplets(rng, 8, 4), 2],
      // Visible gradient check: a loss tf.grad cannot follow is not a loss (with gradient-anchor and margin-zero, 55 % of the points).
      grad: { wrt: [0, 1, 2], atol: 1e-4 },
    },
    {
      id: 'margin-zero',
      name: 'margin 0',
      visible: false,
      points: 1.5,
      seed: 7,
      inputs: ({ rng }) => [...triplets(rng, 16, 8), 0],
      grad: { wrt: [0, 1, 2], atol: 1e-4 },
    },
    {
      id: 'all-zero-loss',
      name: 'easy triplets (every hinge inactive), checked with a random batch',
      visible: false,
      points: 1.5,
      seed: 11,
      // A loss of 0 is what an untouched stub returns, so this case also needs a random batch right.
      inputs: ({ rng }) => {
        const anchor = rng.normal([12, 6]);
        return [anchor, anchor.add(rng.uniform([12, 6], -0.05, 0.05)), anchor.add(10), 1, ...triplets(rng, 4, 6)];
      },
      run: ({ tripletLoss }, a, p, n, margin, a2, p2, n2) => [tripletLoss(a, p, n, margin), tripletLoss(a2, p2, n2, margin)],
    },
    {
      id: 'large-batch',
      name: 'large batch (512 × 32)',
      visible: false,
      points: 1.5,
      seed: 2024,
      inputs: ({ rng }) => [...triplets(rng, 512, 32), 1],
      compare: { rtol: 1e-4, atol: 1e-4 },
    },
    {
      id: 'gradient-anchor',
      name: 'gradient with respect to the anchor',
      visible: false,
      points: 2,
      seed: 99,
      inputs: ({ rng }) => [...triplets(rng, 6, 5), 1],
      grad: { wrt: [0], atol: 1e-4 },
    },
  ],
  {
    // Known wrong variants: a visible test whose output matches one of them says which mistake it is.
    mistakes: [
      mistake('sum-not-mean', 'this is the sum over the batch: take the mean instead', { sum: true }),
      mistake('euclidean', 'this uses the Euclidean distance; the loss uses the squared distance (no square root)', { sqrt: true }),
      mistake('wrong-axis', 'the distances were reduced over the batch axis: reduce over the last axis (the embedding dimension)', { batchAxis: true }),
      mistake('no-hinge', 'the hinge is missing: clamp each triplet with max(0, ·) before averaging', { noHinge: true }),
      mistake('swapped-distances', 'the distances are swapped: the hinge is max(0, d(a, p) − d(a, n) + margin), positive first', { swapped: true }),
      mistake('margin-sign', 'the margin must be added, not subtracted: max(0, d(a, p) − d(a, n) + margin)', { marginSign: true }),
      mistake('margin-outside-hinge', 'the margin goes inside the hinge: max(0, d(a, p) − d(a, n) + margin), not max(0, d(a, p) − d(a, n)) + margin', { marginOutside: true }),
      mistake('hinge-after-mean', 'apply the hinge to each triplet, then average: the mean of max(0, ·), not max(0, ·) of the mean', { hingeAfterMean: true }),
    ],
  },
);
