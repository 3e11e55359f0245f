// Test cases for couplingForward. Evaluated only inside the trusted grading isolate.
// Networks are passed with fn(factory, weights): the factory is re-created inside each isolate,
// so it must be self-contained (tf and its weights only).

// A small fixed MLP: tanh hidden layer, logScale bounded by `scale` through a tanh.
const mlp = (tf, w) => (x1) => {
  const h = tf.tanh(x1.matMul(w.w1).add(w.b1));
  return { logScale: tf.tanh(h.matMul(w.ws)).mul(w.scale), shift: h.matMul(w.wt).add(w.bt) };
};
const mlpNet = (rng, fn, half, { hidden = 8, scale = 1 } = {}) =>
  fn(mlp, {
    w1: rng.normal([half, hidden]),
    b1: rng.normal([hidden], 0, 0.1),
    ws: rng.normal([hidden, half], 0, 0.5),
    wt: rng.normal([hidden, half]),
    bt: rng.normal([half], 0, 0.1),
    scale,
  });
// The statement's worked example: logScale = (x1 - 1) · ln 2, shift = 3 - 2 · x1.
const linear = (tf) => (x1) => ({ logScale: x1.sub(1).mul(Math.LN2), shift: tf.scalar(3).sub(x1.mul(2)) });

// Wrong variants for the visible messages.
const split = (x) => tf.split(x, 2, 1);
const forwardWith = (x, net, { scale, order, logDet, half }) => {
  const [x1, x2] = split(x);
  const { logScale, shift } = net(half === 2 ? x2 : x1);
  const y2 = scale(x2, logScale, shift);
  return { y: tf.concat(order === 'swapped' ? [y2, x1] : [x1, y2], 1), logDet: logDet(logScale) };
};
const right = {
  scale: (x2, s, t) => x2.mul(s.exp()).add(t),
  logDet: (s) => s.sum(1),
};

// The flow's training objective for the batch, log N(y; 0, I) + logDet summed over the rows (up to a
// constant). Its gradient with respect to x runs through both outputs, so a y or a logDet detached from
// the graph fails it. Self-contained (a run is re-created from its source inside the isolate); sums over
// every axis, so a logDet of the wrong shape fails on its value, not with an error of this harness.
const withLogLik = ({ couplingForward }, x, net) => {
  const { y, logDet } = couplingForward(x, net);
  return { y, logDet, logLik: tf.add(tf.mul(-0.5, tf.sum(tf.square(y))), tf.sum(logDet)) };
};

defineTests(
  [
    {
      id: 'worked-example',
      name: 'worked example from the statement (batch 1, D = 4)',
      visible: true,
      points: 1,
      seed: 1,
      inputs: ({ tf, fn }) => [tf.tensor2d([[1, 2, 3, 4]]), fn(linear)],
    },
    {
      id: 'random-batch',
      name: 'batch of 5, D = 6, small MLP as the coupling network',
      visible: true,
      points: 1,
      seed: 42,
      inputs: ({ rng, fn }) => [rng.normal([5, 6]), mlpNet(rng, fn, 3)],
    },
    {
      id: 'gradient-loglik',
      name: 'gradient of the log-likelihood Σ (−½‖y‖²) + Σ logDet with respect to x (batch 4, D = 6)',
      visible: true,
      points: 2,
      seed: 31,
      inputs: ({ rng, fn }) => [rng.normal([4, 6]), mlpNet(rng, fn, 3, { scale: 2 })],
      run: withLogLik,
      grad: { wrt: [0], output: 'logLik', atol: 1e-4 },
    },
    {
      id: 'batch-of-one',
      name: 'batch of 1, D = 8',
      visible: false,
      points: 0.5,
      seed: 7,
      inputs: ({ rng, fn }) => [rng.normal([1, 8]), mlpNet(rng, fn, 4)],
    },
    {
      id: 'large-scales',
      name: 'log-scales up to ±4 and wide inputs (batch 16, D = 10)',
      visible: false,
      points: 1,
      seed: 11,
      inputs: ({ rng, fn }) => [rng.normal([16, 10], 0, 3), mlpNet(rng, fn, 5, { scale: 4 })],
    },
    {
      id: 'gradient-y',
      name: 'gradient of y with respect to x',
      visible: false,
      points: 1.5,
      seed: 23,
      inputs: ({ rng, fn }) => [rng.normal([6, 8]), mlpNet(rng, fn, 4)],
      grad: { wrt: [0], output: 'y', atol: 1e-4 },
    },
    {
      id: 'gradient-logdet',
      name: 'gradient of logDet with respect to x',
      visible: false,
      points: 1.5,
      seed: 29,
      inputs: ({ rng, fn }) => [rng.normal([6, 8]), mlpNet(rng, fn, 4, { scale: 2 })],
      grad: { wrt: [0], output: 'logDet', atol: 1e-4 },
    },
    {
      id: 'gradient-loglik-wide',
      name: 'gradient of the log-likelihood with respect to x, log-scales up to ±3 (batch 12, D = 10)',
      visible: false,
      points: 1.5,
      seed: 37,
      inputs: ({ rng, fn }) => [rng.normal([12, 10], 0, 2), mlpNet(rng, fn, 5, { scale: 3 })],
      run: withLogLik,
      grad: { wrt: [0], output: 'logLik', atol: 1e-3, rtol: 1e-4 },
    },
  ],
  {
    // Each variant changes one thing in the right formula; the grader matches a student's outputs against them.
    mistakes: [
      {
        id: 'no-exp',
        message: 'x2 was multiplied by logScale itself: the scale is exp(logScale)',
        replace: { couplingForward: (x, net) => forwardWith(x, net, { ...right, scale: (x2, s, t) => x2.mul(s).add(t) }) },
      },
      {
        id: 'exp-neg',
        message: 'the forward pass multiplies x2 by exp(logScale); exp(−logScale) belongs to the inverse',
        replace: { couplingForward: (x, net) => forwardWith(x, net, { ...right, scale: (x2, s, t) => x2.mul(s.neg().exp()).add(t) }) },
      },
      {
        id: 'shift-before-scale',
        message: 'the shift was added before scaling: y2 = x2 · exp(logScale) + shift',
        replace: { couplingForward: (x, net) => forwardWith(x, net, { ...right, scale: (x2, s, t) => x2.add(t).mul(s.exp()) }) },
      },
      {
        id: 'net-on-x2',
        message: 'the network must see x1 (the half that passes through unchanged), not x2 — otherwise the layer cannot be inverted',
        replace: { couplingForward: (x, net) => forwardWith(x, net, { ...right, half: 2 }) },
      },
      {
        id: 'swapped-halves',
        message: 'the halves are swapped: y = concat([x1, y2], 1), with the unchanged half first',
        replace: { couplingForward: (x, net) => forwardWith(x, net, { ...right, order: 'swapped' }) },
      },
      {
        id: 'logdet-exp',
        message: 'log|det J| is the sum of logScale, not of exp(logScale)',
        replace: { couplingForward: (x, net) => forwardWith(x, net, { ...right, logDet: (s) => s.exp().sum(1) }) },
      },
      {
        id: 'logdet-mean',
        message: 'logDet is the sum of logScale over the features, not the mean',
        replace: { couplingForward: (x, net) => forwardWith(x, net, { ...right, logDet: (s) => s.mean(1) }) },
      },
      {
        id: 'logdet-sign',
        message: 'the forward log-determinant is +Σ logScale; the minus sign belongs to the inverse pass',
        replace: { couplingForward: (x, net) => forwardWith(x, net, { ...right, logDet: (s) => s.sum(1).neg() }) },
      },
      {
        id: 'logdet-axis0',
        message: 'logScale was summed over the batch axis: sum over axis 1 (the features), one value per row',
        replace: { couplingForward: (x, net) => forwardWith(x, net, { ...right, logDet: (s) => s.sum(0) }) },
      },
      {
        id: 'logdet-total',
        message: 'logDet has one value per row, shape [batch]: sum logScale over axis 1 only, not over the whole batch',
        replace: { couplingForward: (x, net) => forwardWith(x, net, { ...right, logDet: (s) => s.sum() }) },
      },
    ],
  },
);
