// Pictures after Run: a linear embedding of four toy clusters into 2-D, before and after 80 Adam steps
// that minimise your ntXentLoss on two noisy views of each point (no labels are used in training).
// Embeddings are drawn normalised to the unit circle, as the loss compares directions. Runs in your browser only.
function visualize({ tf, fns, rng }) {
  const classes = 4;
  const perClass = 50;
  const dims = 6;
  const centres = Array.from({ length: classes }, () => Array.from({ length: dims }, () => 1.5 * rng.gaussian()));
  const points = [];
  const labels = [];
  for (let c = 0; c < classes; c++) for (let i = 0; i < perClass; i++) points.push(centres[c].map((v) => v + 0.6 * rng.gaussian())), labels.push(c);
  const x = tf.tensor2d(points);
  const w = tf.variable(rng.normal([dims, 2], 0, 0.5));
  const embed = (input) => tf.matMul(input, w);
  const snapshot = (label) => {
    const e = embed(x)
      .arraySync()
      .map(([a, b]) => {
        const r = Math.hypot(a, b) || 1;
        return [a / r, b / r];
      });
    const series = Array.from({ length: classes }, (_, c) => ({ name: `class ${c + 1}`, x: [], y: [] }));
    e.forEach((p, i) => (series[labels[i]].x.push(p[0]), series[labels[i]].y.push(p[1])));
    return { frame: { label, series }, accuracy: nearestNeighbourAccuracy(e, labels) };
  };

  const before = snapshot('before training');
  const optimizer = tf.train.adam(0.05);
  const losses = [];
  for (let step = 0; step < 80; step++) {
    const idx = Array.from({ length: 64 }, () => Math.floor(rng.random() * points.length));
    const batch = tf.gather(x, tf.tensor1d(idx, 'int32'));
    const view1 = tf.add(batch, rng.normal([64, dims], 0, 0.5));
    const view2 = tf.add(batch, rng.normal([64, dims], 0, 0.5));
    const loss = optimizer.minimize(() => tf.mean(fns.ntXentLoss(embed(view1), embed(view2), 0.5)), true, [w]);
    losses.push(loss.dataSync()[0]);
  }
  const after = snapshot('after 80 steps with your loss');
  return [
    {
      kind: 'points',
      title: 'Embeddings trained with your NT-Xent loss',
      description: `${points.length} points of ${classes} classes embedded in 2-D by a linear map and normalised, before and after 80 Adam steps on your ntXentLoss (temperature 0.5) with two noisy views per point. With a correct loss the classes spread to separate arcs of the circle; nearest-neighbour accuracy went from ${(100 * before.accuracy).toFixed(0)} % to ${(100 * after.accuracy).toFixed(0)} %.`,
      xLabel: 'embedding 1',
      yLabel: 'embedding 2',
      frames: [before.frame, after.frame],
      stats: [
        { label: 'your loss at the first step', value: losses[0] },
        { label: 'your loss at the last step', value: losses[losses.length - 1] },
        { label: 'nearest-neighbour accuracy before', value: before.accuracy },
        { label: 'nearest-neighbour accuracy after', value: after.accuracy },
      ],
    },
  ];
}

/** Leave-one-out 1-nearest-neighbour accuracy of the embedding (Euclidean on the circle). */
function nearestNeighbourAccuracy(e, labels) {
  let right = 0;
  e.forEach((p, i) => {
    let best = Infinity;
    let label = -1;
    e.forEach((q, j) => {
      const d = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;
      if (j !== i && d < best) (best = d), (label = labels[j]);
    });
    if (label === labels[i]) right += 1;
  });
  return right / e.length;
}
