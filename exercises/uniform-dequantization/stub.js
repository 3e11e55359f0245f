/**
 * Uniform dequantization of 8-bit data, rescaled to [0, 1).
 *
 * @param {tf.Tensor} x  int32 pixel values in 0..255, any shape, e.g. [batch, H, W, C]
 * @param {tf.Tensor} u  float32 uniform noise in [0, 1), same shape as x
 * @returns {tf.Tensor}  float32, same shape: (x + u) / 256
 */
function dequantize(x, u) {
  // TODO: move each value to a random point of its bin [x, x + 1), then scale to [0, 1)
  return tf.cast(x, 'float32');
}

/**
 * Bits per dimension of the discrete data, from the model's log density of the dequantized data.
 *
 * @param {tf.Tensor1D} logDensity  [batch] log density in nats of the dequantized data in [0, 1]^D
 * @param {number} numDims          D, the number of dimensions of one example (e.g. 32 * 32 * 3)
 * @returns {tf.Tensor1D}           [batch]: -(logDensity - D * ln 256) / (D * ln 2)
 */
function bitsPerDim(logDensity, numDims) {
  // TODO: undo the 1/256 scaling in every dimension (a term D * ln 256), negate, and convert nats to bits per dimension
  return tf.zerosLike(logDensity);
}
