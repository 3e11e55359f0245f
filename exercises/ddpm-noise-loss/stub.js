/**
 * The simple DDPM loss: how well the network predicts the noise in x_t.
 *
 * @param {tf.Tensor2D} x0    [batch, D] data
 * @param {tf.Tensor1D} t     [batch] int32, one 0-based step per example
 * @param {tf.Tensor2D} eps   [batch, D] standard normal noise
 * @param {tf.Tensor1D} betas [T] noise schedule
 * @param {(xt: tf.Tensor2D, t: tf.Tensor1D) => tf.Tensor2D} net  predicts the noise, [batch, D]
 * @returns {tf.Scalar} mean over the batch of || eps - net(xt, t) ||^2 (summed over the D features),
 *   with xt = sqrt(alphaBar_t) * x0 + sqrt(1 - alphaBar_t) * eps, alphaBar_t = prod_{s<=t} (1 - beta_s)
 */
function ddpmLoss(x0, t, eps, betas, net) {
  // TODO: alphaBar for each example's own step, shaped [batch, 1]
  // TODO: the noisy sample xt
  // TODO: the network's prediction, and the loss
  return tf.scalar(0);
}
