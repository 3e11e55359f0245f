/**
 * Mean triplet loss over a batch, with squared Euclidean distances.
 *
 * @param {tf.Tensor2D} anchor    [batch, dim]
 * @param {tf.Tensor2D} positive  [batch, dim]
 * @param {tf.Tensor2D} negative  [batch, dim]
 * @param {number} margin         alpha >= 0
 * @returns {tf.Scalar}           mean over the batch of max(0, d(a, p) - d(a, n) + margin)
 */
function tripletLoss(anchor, positive, negative, margin) {
  // TODO: squared distances anchor–positive and anchor–negative, per row (shape [batch])
  // TODO: hinge max(0, ·) with the margin, then the mean over the batch
  return tf.scalar(0);
}
