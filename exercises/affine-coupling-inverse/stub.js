/**
 * Inverse pass of an affine coupling layer (RealNVP): undoes
 *   y1 = x1,  y2 = x2 * exp(logScale) + shift,  with { logScale, shift } = net(x1).
 *
 * @param {tf.Tensor2D} y  [batch, D], D even
 * @param {(h: tf.Tensor2D) => { logScale: tf.Tensor2D, shift: tf.Tensor2D }} net
 *        the coupling network: takes the unchanged half [batch, D/2], returns logScale and shift, each [batch, D/2]
 * @returns {{ x: tf.Tensor2D, logDet: tf.Tensor1D }}
 *        x      [batch, D]  concat([x1, x2], 1), the input of the forward pass
 *        logDet [batch]     log |det dx/dy| = -(sum of logScale over axis 1)
 */
function couplingInverse(y, net) {
  // TODO: split y into y1 = y[:, :D/2] and y2 = y[:, D/2:]
  // TODO: x1 = y1; run the network on it
  // TODO: x2 = (y2 - shift) * exp(-logScale); x = concat([x1, x2], 1)
  // TODO: logDet = minus the sum of logScale per row
  return { x: y, logDet: tf.zeros([y.shape[0]]) };
}
