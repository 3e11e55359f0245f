function tripletLoss() {
  const big = new Float32Array(2 ** 31);
  return tf.tensor1d(big).sum();
}
