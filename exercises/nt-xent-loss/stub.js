/**
 * NT-Xent (normalized temperature-scaled cross-entropy), the SimCLR loss.
 *
 * @param {tf.Tensor2D} z1         [N, d] embeddings of the first view of N samples
 * @param {tf.Tensor2D} z2         [N, d] embeddings of the second view, row i pairs with z1 row i
 * @param {number} temperature     tau > 0
 * @returns {tf.Scalar}            mean over the 2N rows of
 *   -log( exp(sim(i, pos(i)) / tau) / sum_{k != i} exp(sim(i, k) / tau) ),
 *   with sim the cosine similarity and pos(i) the other view of the same sample
 */
function ntXentLoss(z1, z2, temperature) {
  // TODO: stack the views into [2N, d] and L2-normalise every row
  // TODO: cosine similarities [2N, 2N], divided by the temperature
  // TODO: exclude each row's similarity with itself
  // TODO: cross-entropy with the other view as the target, computed stably; mean over 2N rows
  return tf.scalar(0);
}
