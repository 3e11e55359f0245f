// Test cases for batchHardTripletLoss. Evaluated only inside the trusted grading isolate.
// A batch of `classes` classes with `perClass` examples each, clustered around random centres.
const clusteredBatch = (rng, { classes, perClass, dim, spread }) => {
  const centres = rng.normal([classes, dim]).arraySync();
  const rows = [];
  const labels = [];
  for (let k = 0; k < classes; k++) {
    for (let i = 0; i < perClass; i++) {
      rows.push(centres[k].map((c) => c + spread * (rng.random() * 2 - 1) * 1.7));
      labels.push(k);
    }
  }
  // Interleave the classes so a mask that assumes sorted labels goes wrong.
  const order = rows.map((_, i) => i).sort((a, b) => (a % perClass) - (b % perClass) || a - b);
  return [tf.tensor2d(order.map((i) => rows[i])), tf.tensor1d(order.map((i) => labels[i]), 'int32')];
};

// Wrong variants, each one change from the right loss.
const variant = (e, labels, margin, o = {}) =>
  tf.tidy(() => {
    const B = labels.shape[0];
    const diff = tf.sub(tf.expandDims(e, 1), tf.expandDims(e, 0));
    const sq = tf.sum(tf.square(diff), -1);
    const dist = o.squared ? sq : tf.sqrt(tf.maximum(sq, 1e-12));
    const same = tf.equal(tf.expandDims(labels, 1), tf.expandDims(labels, 0));
    const notSelf = tf.logicalNot(tf.cast(tf.eye(B), 'bool'));
    const positive = tf.logicalAnd(same, notSelf);
    const negative = o.negatives === 'any' ? notSelf : o.negatives === 'with-self' ? tf.logicalOr(tf.logicalNot(same), tf.logicalNot(notSelf)) : tf.logicalNot(same);
    const hp = o.easiestPositive ? tf.min(tf.where(positive, dist, tf.fill([B, B], Infinity)), 1) : tf.max(tf.where(positive, dist, tf.fill([B, B], -Infinity)), 1);
    const hn = o.easiestNegative ? tf.max(tf.where(negative, dist, tf.fill([B, B], -Infinity)), 1) : tf.min(tf.where(negative, dist, tf.fill([B, B], Infinity)), 1);
    const gap = tf.add(tf.sub(hp, hn), margin);
    const hinge = o.noHinge ? gap : tf.relu(gap);
    if (o.sum) return tf.sum(hinge);
    if (o.meanOfActive) return tf.div(tf.sum(hinge), tf.maximum(tf.sum(tf.cast(tf.greater(hinge, 0), 'float32')), 1));
    return tf.mean(hinge);
  });
const mistake = (id, message, o) => ({ id, message, replace: { batchHardTripletLoss: (e, l, m) => variant(e, l, m, o) } });

defineTests(
  [
    {
      id: 'worked-example',
      name: 'worked example from the statement (margin 1, then margin 2)',
      visible: true,
      points: 1.5,
      seed: 1,
      // Margin 1 gives 0 for every anchor: folded with margin 2 so a constant cannot pass.
      inputs: ({ tf }) => {
        const e = tf.tensor2d([
          [0, 0],
          [0, 1],
          [3, 0],
          [3, 2],
        ]);
        return [e, tf.tensor1d([0, 0, 1, 1], 'int32'), 1, 2];
      },
      run: ({ batchHardTripletLoss }, e, l, m1, m2) => [batchHardTripletLoss(e, l, m1), batchHardTripletLoss(e, l, m2)],
    },
    {
      id: 'interleaved-classes',
      name: '3 classes of 4, labels interleaved, margin 0.5, with the gradient',
      visible: true,
      points: 2,
      seed: 42,
      inputs: ({ rng }) => [...clusteredBatch(rng, { classes: 3, perClass: 4, dim: 8, spread: 0.8 }), 0.5],
      grad: { wrt: [0], atol: 1e-4 },
    },
    {
      id: 'overlapping-clusters',
      name: '4 overlapping classes of 6 in 16 dimensions, margin 1',
      visible: false,
      points: 2,
      seed: 7,
      inputs: ({ rng }) => [...clusteredBatch(rng, { classes: 4, perClass: 6, dim: 16, spread: 1.5 }), 1],
    },
    {
      id: 'pairs',
      name: '8 classes of 2 (each anchor has one positive), margin 0.3, with the gradient',
      visible: false,
      points: 2,
      seed: 9,
      inputs: ({ rng }) => [...clusteredBatch(rng, { classes: 8, perClass: 2, dim: 4, spread: 0.6 }), 0.3],
      grad: { wrt: [0], atol: 1e-4 },
    },
    {
      id: 'well-separated',
      name: 'two classes, mostly separated, margin 0.8: some anchors satisfied',
      visible: false,
      points: 1.5,
      seed: 11,
      inputs: ({ rng }) => [...clusteredBatch(rng, { classes: 2, perClass: 10, dim: 3, spread: 0.9 }), 0.8],
    },
    {
      id: 'large-batch',
      name: 'a batch of 64 (8 classes of 8) in 32 dimensions, with the gradient',
      visible: false,
      points: 1,
      seed: 13,
      inputs: ({ rng }) => [...clusteredBatch(rng, { classes: 8, perClass: 8, dim: 32, spread: 1.2 }), 1],
      grad: { wrt: [0], atol: 1e-4 },
    },
  ],
  {
    mistakes: [
      mistake('easiest-negative', 'the hardest negative is the closest one: a min over the negatives, not a max', { easiestNegative: true }),
      mistake('easiest-positive', 'the hardest positive is the farthest one: a max over the positives, not a min', { easiestPositive: true }),
      mistake('negatives-include-positives', 'negatives are examples of another class only: a positive that happens to be close is not a negative', { negatives: 'any' }),
      mistake('negatives-include-self', 'the anchor is never its own negative: its distance 0 to itself makes every hinge d(a, p) + m', { negatives: 'with-self' }),
      mistake('squared-distances', 'use Euclidean distances, the square root of the squared ones (clamped at 1e-12)', { squared: true }),
      mistake('no-hinge', 'apply max(0, ·) to each anchor before averaging: a satisfied anchor contributes 0, not a negative number', { noHinge: true }),
      mistake('sum', 'average over the anchors (tf.mean), not the sum', { sum: true }),
      mistake('mean-of-active', 'average over all B anchors, the satisfied ones (hinge 0) included, not only over the active ones', { meanOfActive: true }),
    ],
  },
);
