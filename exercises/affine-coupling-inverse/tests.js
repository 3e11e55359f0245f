// Test cases for couplingInverse. Evaluated only inside the trusted grading isolate.
// Networks are passed with fn(factory, weights): the factory is re-created inside each isolate,
// so it must be self-contained (tf and its weights only).

// A small fixed MLP: tanh hidden layer, logScale bounded by `scale` through a tanh.
const mlp = (tf, w) => (h1) => {
  const h = tf.tanh(h1.matMul(w.w1).add(w.b1));
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
// The statement's worked example: logScale = (h - 1) · ln 2, shift = 3 - 2 · h.
const linear = (tf) => (h1) => ({ logScale: h1.sub(1).mul(Math.LN2), shift: tf.scalar(3).sub(h1.mul(2)) });

// Wrong variants for the visible messages.
const inverseWith = (y, net, { undo, logDet, half }) => {
  const [y1, y2] = tf.split(y, 2, 1);
  const { logScale, shift } = net(half === 2 ? y2 : y1);
  return { x: tf.concat([y1, undo(y2, logScale, shift)], 1), logDet: logDet(logScale) };
};
const right = {
  undo: (y2, s, t) => y2.sub(t).mul(s.neg().exp()),
  logDet: (s) => s.sum(1).neg(),
};

// A scalar that depends on both outputs, Σ ½‖x‖² + Σ logDet: its gradient with respect to y runs through
// x and logDet, so either one detached from the graph fails it. Self-contained (a run is re-created from
// its source inside the isolate); sums over every axis, so a wrong shape fails on its value, not here.
const withBoth = ({ couplingInverse }, y, net) => {
  const { x, logDet } = couplingInverse(y, net);
  return { x, logDet, both: tf.add(tf.mul(0.5, tf.sum(tf.square(x))), tf.sum(logDet)) };
};

defineTests(
  [
    {
      id: 'worked-example',
      name: 'worked example from the statement (batch 1, D = 4)',
      visible: true,
      points: 1,
      seed: 1,
      inputs: ({ tf, fn }) => [tf.tensor2d([[1, 2, 4, 7]]), fn(linear)],
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
      id: 'gradient-both',
      name: 'gradient of Σ ½‖x‖² + Σ logDet with respect to y (batch 4, D = 6)',
      visible: true,
      points: 2,
      seed: 31,
      inputs: ({ rng, fn }) => [rng.normal([4, 6]), mlpNet(rng, fn, 3, { scale: 2 })],
      run: withBoth,
      grad: { wrt: [0], output: 'both', atol: 1e-4 },
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
      id: 'round-trip',
      name: 'couplingInverse(couplingForward(x).y).x gives x back, and its gradient is the identity',
      visible: false,
      points: 1.5,
      seed: 13,
      inputs: ({ rng, fn }) => [rng.normal([8, 10], 0, 2), mlpNet(rng, fn, 5, { scale: 3 })],
      // The forward pass is written out here: this exercise asks only for the inverse.
      run: ({ couplingInverse }, x, net) => {
        const [x1, x2] = tf.split(x, 2, 1);
        const { logScale, shift } = net(x1);
        const y = tf.concat([x1, x2.mul(tf.exp(logScale)).add(shift)], 1);
        return couplingInverse(y, net).x;
      },
      compare: { rtol: 1e-4, atol: 1e-4 },
      grad: { wrt: [0], atol: 1e-3 },
    },
    {
      id: 'large-scales',
      name: 'log-scales up to ±5 (batch 16, D = 10), with the gradient through both outputs',
      visible: false,
      points: 1,
      seed: 11,
      inputs: ({ rng, fn }) => [rng.normal([16, 10], 0, 3), mlpNet(rng, fn, 5, { scale: 5 })],
      run: withBoth,
      compare: { rtol: 1e-4, atol: 1e-4 },
      grad: { wrt: [0], output: 'both', atol: 1e-2, rtol: 1e-4 },
    },
    {
      id: 'gradient-x',
      name: 'gradient of x with respect to y',
      visible: false,
      points: 1,
      seed: 23,
      inputs: ({ rng, fn }) => [rng.normal([6, 8]), mlpNet(rng, fn, 4)],
      grad: { wrt: [0], output: 'x', atol: 1e-4 },
    },
    {
      id: 'gradient-logdet',
      name: 'gradient of logDet with respect to y',
      visible: false,
      points: 2,
      seed: 29,
      inputs: ({ rng, fn }) => [rng.normal([6, 8]), mlpNet(rng, fn, 4, { scale: 2 })],
      grad: { wrt: [0], output: 'logDet', atol: 1e-4 },
    },
  ],
  {
    // Each variant changes one thing in the right formula; the grader matches a student's outputs against them.
    mistakes: [
      {
        id: 'forward-again',
        message: 'this applies the forward map again; invert it: x2 = (y2 − shift) · exp(−logScale)',
        replace: { couplingInverse: (y, net) => inverseWith(y, net, { ...right, undo: (y2, s, t) => y2.mul(s.exp()).add(t) }) },
      },
      {
        id: 'wrong-order',
        message: 'undo the steps in reverse order: subtract the shift first, then divide by exp(logScale)',
        replace: { couplingInverse: (y, net) => inverseWith(y, net, { ...right, undo: (y2, s, t) => y2.mul(s.neg().exp()).sub(t) }) },
      },
      {
        id: 'exp-sign',
        message: 'after subtracting the shift, divide by exp(logScale) — this multiplies by it',
        replace: { couplingInverse: (y, net) => inverseWith(y, net, { ...right, undo: (y2, s, t) => y2.sub(t).mul(s.exp()) }) },
      },
      {
        id: 'shift-added',
        message: 'the forward pass added the shift, so the inverse subtracts it: x2 = (y2 − shift) · exp(−logScale)',
        replace: { couplingInverse: (y, net) => inverseWith(y, net, { ...right, undo: (y2, s, t) => y2.add(t).mul(s.neg().exp()) }) },
      },
      {
        id: 'no-exp',
        message: 'the scale is exp(logScale), not logScale itself',
        replace: { couplingInverse: (y, net) => inverseWith(y, net, { ...right, undo: (y2, s, t) => y2.sub(t).div(s) }) },
      },
      {
        id: 'net-on-y2',
        message: 'the network must see the unchanged half y1 (= x1), as in the forward pass, not y2',
        replace: { couplingInverse: (y, net) => inverseWith(y, net, { ...right, half: 2 }) },
      },
      {
        id: 'swapped-halves',
        message: 'the halves are swapped: x = concat([y1, x2], 1), with the unchanged half first',
        replace: {
          couplingInverse: (y, net) => {
            const { x, logDet } = inverseWith(y, net, right);
            const [x1, x2] = tf.split(x, 2, 1);
            return { x: tf.concat([x2, x1], 1), logDet };
          },
        },
      },
      {
        id: 'logdet-sign',
        message: "the inverse's log-determinant is the forward one negated: −Σ logScale",
        replace: { couplingInverse: (y, net) => inverseWith(y, net, { ...right, logDet: (s) => s.sum(1) }) },
      },
      {
        id: 'logdet-mean',
        message: 'logDet is minus the sum of logScale over the features, not the mean',
        replace: { couplingInverse: (y, net) => inverseWith(y, net, { ...right, logDet: (s) => s.mean(1).neg() }) },
      },
      {
        id: 'logdet-total',
        message: 'logDet has one value per row, shape [batch]: sum logScale over axis 1 only, not over the whole batch',
        replace: { couplingInverse: (y, net) => inverseWith(y, net, { ...right, logDet: (s) => s.sum().neg() }) },
      },
    ],
  },
);
