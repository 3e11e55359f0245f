// Test cases for flowLogLikelihood and bitsPerDim. Evaluated only inside the trusted grading isolate.

// A small fixed coupling network (tanh hidden layer, bounded log-scales), one per layer.
const mlp = (tf, w) => (h) => {
  const hidden = tf.tanh(h.matMul(w.w1).add(w.b1));
  return { logScale: tf.tanh(hidden.matMul(w.ws)).mul(w.scale), shift: hidden.matMul(w.wt) };
};
const nets = (rng, fn, K, half, scale = 1) =>
  Array.from({ length: K }, () => fn(mlp, { w1: rng.normal([half, 6]), b1: rng.normal([6], 0, 0.1), ws: rng.normal([6, half], 0, 0.5), wt: rng.normal([6, half]), scale }));
// Fixed permutations that differ from their inverses, so gather and scatter tell apart.
const PERMS = { 2: [1, 0], 4: [1, 3, 0, 2], 6: [2, 0, 4, 1, 5, 3], 8: [3, 7, 0, 5, 1, 6, 2, 4] };
const perm = (tf, D) => tf.tensor1d(PERMS[D], 'int32');
const pixels = (rng, B, D) => [rng.int([B, D], 0, 256), rng.uniform([B, D])];

// Wrong variants for the messages; each changes one thing, in log p and, through it, in bits/dim.
const LOG_2PI = Math.log(2 * Math.PI);
const flowWith = (x, ns, p, o) => {
  const D = x.shape[1];
  let order = Array.from(p.dataSync());
  if (o.inversePerm) {
    const inv = [];
    order.forEach((to, from) => (inv[to] = from));
    order = inv;
  }
  let h = x;
  let logDet = tf.zeros([x.shape[0]]);
  ns.forEach((net, k) => {
    const [h1, h2] = tf.split(h, 2, 1);
    const odd = k % 2 === 1 && !o.noAlternation;
    const { logScale, shift } = net(odd ? h2 : h1);
    const changed = (odd ? h1 : h2).mul(logScale.exp()).add(shift);
    h = tf.concat(odd ? [changed, h2] : [h1, changed], 1);
    logDet = o.lastOnly ? logScale.sum(1) : logDet.add(logScale.sum(1));
    if (!o.noPerm) h = tf.gather(h, tf.tensor1d(order, 'int32'), 1);
  });
  const quad = h.square().sum(1).mul(o.noHalf ? -1 : -0.5);
  const logN = o.noLog2pi ? quad : quad.sub((D / 2) * LOG_2PI);
  return o.logDetSign ? logN.sub(logDet) : logN.add(logDet);
};
const bpdWith = (x, u, ns, p, o) => {
  const D = x.shape[1];
  const y = x.toFloat().add(u).div(o.by255 ? 255 : 256);
  const nll = flowWith(y, ns, p, o).sub(o.noCorrection ? 0 : D * Math.log(256)).neg();
  return nll.div(o.nats ? D : D * Math.LN2);
};
const variant = (o) => ({ flowLogLikelihood: (x, ns, p) => flowWith(x, ns, p, o), bitsPerDim: (x, u, ns, p) => bpdWith(x, u, ns, p, o) });
const bpdOnly = (o) => ({ bitsPerDim: (x, u, ns, p) => bpdWith(x, u, ns, p, o) });

defineTests(
  [
    {
      id: 'worked-example',
      name: 'worked example from the statement (D = 2, one layer, perm [1, 0])',
      visible: true,
      points: 1,
      seed: 1,
      entry: 'flowLogLikelihood',
      inputs: ({ tf, fn }) => [tf.tensor2d([[1, 2]]), [fn((tf) => (h1) => ({ logScale: tf.zerosLike(h1), shift: h1 }))], perm(tf, 2)],
      grad: { wrt: [0], atol: 1e-4 },
    },
    {
      id: 'three-layers',
      name: 'three layers, batch of 5, D = 6, with the gradient with respect to x',
      visible: true,
      points: 2,
      seed: 42,
      entry: 'flowLogLikelihood',
      inputs: ({ tf, rng, fn }) => [rng.normal([5, 6]), nets(rng, fn, 3, 3), perm(tf, 6)],
      grad: { wrt: [0], atol: 1e-3, rtol: 1e-4 },
    },
    {
      id: 'bpd-pixels',
      name: 'bitsPerDim: 4 examples of 6 pixels, two layers, with the gradient with respect to u',
      visible: true,
      points: 1.5,
      seed: 43,
      entry: 'bitsPerDim',
      inputs: ({ tf, rng, fn }) => [...pixels(rng, 4, 6), nets(rng, fn, 2, 3), perm(tf, 6)],
      grad: { wrt: [1], atol: 1e-4, rtol: 1e-4 },
    },
    {
      id: 'deep-flow',
      name: 'four layers, batch of 8, D = 8, log-scales up to ±2',
      visible: false,
      points: 1.5,
      seed: 5,
      entry: 'flowLogLikelihood',
      inputs: ({ tf, rng, fn }) => [rng.normal([8, 8]), nets(rng, fn, 4, 4, 2), perm(tf, 8)],
    },
    {
      id: 'batch-of-one',
      name: 'two layers, batch of 1, D = 4',
      visible: false,
      points: 1,
      seed: 6,
      entry: 'flowLogLikelihood',
      inputs: ({ tf, rng, fn }) => [rng.normal([1, 4]), nets(rng, fn, 2, 2), perm(tf, 4)],
    },
    {
      id: 'bpd-deep',
      name: 'bitsPerDim: 6 examples of 8 pixels, three layers',
      visible: false,
      points: 1.5,
      seed: 7,
      entry: 'bitsPerDim',
      inputs: ({ tf, rng, fn }) => [...pixels(rng, 6, 8), nets(rng, fn, 3, 4), perm(tf, 8)],
      grad: { wrt: [1], atol: 1e-4, rtol: 1e-4 },
    },
    {
      id: 'gradient',
      name: 'gradient of log p with respect to x, three layers, D = 8',
      visible: false,
      points: 1.5,
      seed: 8,
      entry: 'flowLogLikelihood',
      inputs: ({ tf, rng, fn }) => [rng.normal([6, 8]), nets(rng, fn, 3, 4), perm(tf, 8)],
      grad: { wrt: [0], atol: 1e-3, rtol: 1e-4 },
    },
  ],
  {
    mistakes: [
      { id: 'no-alternation', message: 'the halves alternate: odd layers condition on the second half and transform the first, or half of x is never transformed', replace: variant({ noAlternation: true }) },
      { id: 'no-permutation', message: 'after each coupling layer the features are permuted: h = tf.gather(h, perm, 1)', replace: variant({ noPerm: true }) },
      { id: 'inverse-permutation', message: 'the permutation takes old feature perm[j] to position j (tf.gather(h, perm, 1)); this moves feature j to position perm[j], the inverse', replace: variant({ inversePerm: true }) },
      { id: 'no-log2pi', message: 'the standard normal log-density has the constant −(D/2) · log 2π', replace: variant({ noLog2pi: true }) },
      { id: 'logdet-sign', message: 'in the direction x → z the log-determinants are added: log p(x) = log N(z) + Σ log|det J|', replace: variant({ logDetSign: true }) },
      { id: 'logdet-last-only', message: 'every layer adds its log-determinant: accumulate Σ logScale over all the layers, not only the last one', replace: variant({ lastOnly: true }) },
      { id: 'no-half', message: 'the standard normal log-density is −½ ‖z‖² (plus its constant): the ½ is missing', replace: variant({ noHalf: true }) },
      { id: 'bpd-no-correction', message: 'the density of x + u on [0, 256)^D is 256^(−D) times that of y: subtract D · ln 256 from log p(y) before converting', replace: bpdOnly({ noCorrection: true }) },
      { id: 'bpd-nats', message: 'this is nats per dimension: divide by D · ln 2 to get bits', replace: bpdOnly({ nats: true }) },
      { id: 'bpd-255', message: 'dequantize with (x + u) / 256, not 255: the 256 bins [k, k + 1) cover [0, 256)', replace: bpdOnly({ by255: true }) },
    ],
  },
);
