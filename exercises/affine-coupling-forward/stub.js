/**
 * Forward pass of an affine coupling layer (RealNVP).
 *
 * @param {tf.Tensor2D} x  [batch, D], D even
 * @param {(x1: tf.Tensor2D) => { logScale: tf.Tensor2D, shift: tf.Tensor2D }} net
 *        the coupling network: takes x1 [batch, D/2], returns logScale and shift, each [batch, D/2]
 * @returns {{ y: tf.Tensor2D, logDet: tf.Tensor1D }}
 *        y      [batch, D]  concat([x1, x2 * exp(logScale) + shift], 1)
 *        logDet [batch]     log |det dy/dx| = sum of logScale over axis 1
 */
function couplingForward(x, net) {
  // TODO: split x into x1 = x[:, :D/2] and x2 = x[:, D/2:]
  // TODO: run the network on x1 only
  // TODO: y2 = x2 * exp(logScale) + shift; y = concat([x1, y2], 1)
  // TODO: logDet = sum of logScale per row
  return { y: x, logDet: tf.zeros([x.shape[0]]) };
}
