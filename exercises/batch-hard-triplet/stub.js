/**
 * Batch-hard triplet loss: for each anchor, its farthest positive and its closest negative in the batch.
 *
 * @param {tf.Tensor2D} embeddings  [B, D]
 * @param {tf.Tensor1D} labels      [B] int32 class of each row
 * @param {number} margin           m > 0
 * @returns {tf.Scalar}             mean over anchors of max(0, d(a, hardest p) - d(a, hardest n) + m)
 */
function batchHardTripletLoss(embeddings, labels, margin) {
  // TODO: pairwise distances d[i][j] = sqrt(max(|e_i - e_j|^2, 1e-12)), shape [B, B]
  // TODO: masks: positives (same label, j != i) and negatives (different label)
  // TODO: hardest positive (max over positives), hardest negative (min over negatives), hinge, mean
  return tf.scalar(0);
}
