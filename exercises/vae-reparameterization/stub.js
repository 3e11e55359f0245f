/**
 * Reparameterization trick: a sample of N(mu, diag(exp(logVar))) written as a differentiable
 * function of mu and logVar, with the randomness in eps.
 *
 * @param {tf.Tensor2D} mu      [batch, latent] means of q(z | x)
 * @param {tf.Tensor2D} logVar  [batch, latent] log-variances, log sigma^2
 * @param {tf.Tensor2D} eps     [batch, latent] standard normal noise
 * @returns {tf.Tensor2D}       [batch, latent]: mu + exp(0.5 * logVar) * eps
 */
function reparameterize(mu, logVar, eps) {
  // TODO: the standard deviation from the log-variance, then shift and scale eps
  return mu;
}

/**
 * KL divergence from N(mu, diag(exp(logVar))) to the standard normal prior, per example.
 *
 * @param {tf.Tensor2D} mu      [batch, latent]
 * @param {tf.Tensor2D} logVar  [batch, latent]
 * @returns {tf.Tensor1D}       [batch]: -0.5 * sum_j (1 + logVar - mu^2 - exp(logVar))
 */
function klToStandardNormal(mu, logVar) {
  // TODO: the bracket elementwise, summed over the latent axis, times -0.5
  return tf.zeros([mu.shape[0]]);
}
