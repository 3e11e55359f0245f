// Pictures after Run: 8-bit values before and after your dequantize (zoomed on eight neighbouring
// values, so each bin of width 1/256 is visible), and the bits per dimension your bitsPerDim gives for
// two models of the dequantized data. Runs in your browser only.
function visualize({ tf, fns, rng }) {
  const n = 2000;
  const dims = 4;
  const lo = 100;
  const weights = [1, 3, 6, 8, 6, 3, 2, 1]; // how often each of the values 100..107 occurs
  const total = weights.reduce((a, b) => a + b, 0);
  const draw = () => {
    let r = rng.random() * total;
    for (let k = 0; k < weights.length; k++) if ((r -= weights[k]) < 0) return lo + k;
    return lo + weights.length - 1;
  };
  const values = Array.from({ length: n * dims }, draw);
  const x = tf.tensor2d(values, [n, dims], 'int32');
  const y = fns.dequantize(x, rng.uniform([n, dims])).dataSync();

  const bins = 64;
  const from = lo / 256;
  const to = (lo + weights.length) / 256;
  const histogram = (xs) => {
    const counts = new Array(bins).fill(0);
    for (const v of xs) {
      const k = Math.floor(((v - from) / (to - from)) * bins);
      if (k >= 0 && k < bins) counts[k] += 1;
    }
    return counts.map((c, k) => ({ x0: from + ((to - from) * k) / bins, x1: from + ((to - from) * (k + 1)) / bins, value: c / xs.length }));
  };
  const outside = Array.from(y).filter((v) => !(v >= from && v < to)).length;

  // Two models of the dequantized data on [0, 1]^D: uniform (density 1), and the one that knows how
  // often each value occurs (density 256 · p_k in bin k). In bits per dimension they cost 8 bits and the
  // entropy of the values.
  const p = weights.map((w) => w / total);
  const entropy = -p.reduce((a, q) => a + q * Math.log2(q), 0);
  const knowing = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0; d < dims; d++) s += Math.log(256 * p[values[i * dims + d] - lo]);
    knowing.push(s);
  }
  const mean = (t) => {
    const a = t.dataSync();
    return a.reduce((s, v) => s + v, 0) / a.length;
  };
  const uniformBpd = mean(fns.bitsPerDim(tf.zeros([n]), dims));
  const knowingBpd = mean(fns.bitsPerDim(tf.tensor1d(knowing), dims));
  return [
    {
      kind: 'bars',
      title: 'Discrete values before and after your dequantize',
      description: `Share of ${n * dims} pixel values (all between ${lo} and ${lo + weights.length - 1}) per bin, on the [0, 1) scale: before, each value is a spike at x/256; after your dequantize a correct result fills each bin of width 1/256 evenly. ${outside} dequantized values fall outside the window shown.`,
      xLabel: 'value / 256',
      yLabel: 'share',
      frames: [
        { label: 'before (x / 256)', bins: histogram(values.map((v) => v / 256)) },
        { label: 'after your dequantize', bins: histogram(Array.from(y)) },
      ],
      stats: [
        { label: 'dequantized values outside the window', value: outside },
        { label: 'your bits per dim, uniform model', value: uniformBpd },
        { label: 'your bits per dim, model that knows the frequencies', value: knowingBpd },
        { label: 'entropy of the values in bits', value: entropy },
      ],
    },
  ];
}
