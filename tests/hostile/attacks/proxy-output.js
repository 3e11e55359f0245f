// A "tensor" whose shape, dtype and data change on every read.
let reads = 0;
function tripletLoss() {
  const real = tf.scalar(-1);
  return new Proxy(real, {
    get(target, key) {
      reads++;
      if (key === 'shape') return reads % 2 ? [] : [64];
      if (key === 'dtype') return reads % 2 ? 'float32' : 'int32';
      if (key === 'dataSync') return () => new Float32Array(reads % 3 + 2);
      return Reflect.get(target, key);
    },
  });
}
