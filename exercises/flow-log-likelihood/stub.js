/**
 * log p(x) under a flow of K affine coupling layers with alternating halves, each followed by a permutation.
 *
 * @param {tf.Tensor2D} x  [batch, D], D even
 * @param {Array<(h: tf.Tensor2D) => { logScale: tf.Tensor2D, shift: tf.Tensor2D }>} nets  K coupling networks
 *        (even k: nets[k] sees the first half and transforms the second; odd k: the other way round)
 * @param {tf.Tensor1D} perm  [D] int32; after each layer h = tf.gather(h, perm, 1)
 * @returns {tf.Tensor1D} [batch]: -0.5 * ||z||^2 - (D / 2) * log(2 pi) + sum of the layers' log-determinants
 */
function flowLogLikelihood(x, nets, perm) {
  // TODO: for each layer: coupling on the right half, add sum(logScale) to the log-det, permute
  // TODO: the standard normal log-density of z, plus the log-det
  return tf.zeros([x.shape[0]]);
}

/**
 * Bits per dimension of 8-bit data x under the flow, with uniform dequantization y = (x + u) / 256.
 *
 * @param {tf.Tensor2D} x  [batch, D] int32, 0..255
 * @param {tf.Tensor2D} u  [batch, D] uniform noise in [0, 1)
 * @returns {tf.Tensor1D} [batch]: -(log p(y) - D * ln 256) / (D * ln 2)
 */
function bitsPerDim(x, u, nets, perm) {
  // TODO
  return tf.zeros([x.shape[0]]);
}
