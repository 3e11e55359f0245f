/**
 * Negative ELBO of a VAE, averaged over the batch: reconstruction (summed over the D features)
 * plus KL(q(z|x) || N(0, I)) (summed over the K latent dimensions), per example, then the mean.
 *
 * @param {tf.Tensor2D} x       [batch, D] data
 * @param {tf.Tensor2D} logits  [batch, D] Bernoulli decoder logits: -log p = softplus(l) - x * l
 * @param {tf.Tensor2D} mu      [batch, K] encoder mean
 * @param {tf.Tensor2D} logVar  [batch, K] encoder log-variance
 * @returns {tf.Scalar}
 */
function bernoulliNegElbo(x, logits, mu, logVar) {
  // TODO: reconstruction per example, KL per example, then the batch mean
  return tf.scalar(0);
}

/**
 * Same with a Gaussian decoder: -log p = 0.5 * (log(2 pi) + xLogVar + (x - xMean)^2 / exp(xLogVar)) per feature.
 *
 * @param {tf.Tensor2D} x        [batch, D]
 * @param {tf.Tensor2D} xMean    [batch, D] decoder mean
 * @param {tf.Tensor2D} xLogVar  [batch, D] decoder log-variance
 * @param {tf.Tensor2D} mu       [batch, K]
 * @param {tf.Tensor2D} logVar   [batch, K]
 * @returns {tf.Scalar}
 */
function gaussianNegElbo(x, xMean, xLogVar, mu, logVar) {
  // TODO
  return tf.scalar(0);
}
