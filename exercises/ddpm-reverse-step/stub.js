/**
 * One DDPM ancestral sampling step, x_t -> x_{t-1}, given the network's noise prediction.
 *
 * @param {tf.Tensor} xt       current sample, any shape, e.g. [batch, H, W, C]
 * @param {number} t           0-based step index, 0 <= t < T
 * @param {tf.Tensor} epsPred  the model's prediction of the noise in xt, same shape as xt
 * @param {tf.Tensor1D} betas  [T] noise schedule
 * @param {tf.Tensor} z        standard normal noise, same shape as xt (unused when t == 0)
 * @returns {tf.Tensor}        x_{t-1}, same shape as xt:
 *   (xt - beta_t / sqrt(1 - alphaBar_t) * epsPred) / sqrt(alpha_t) + sigma_t * z,
 *   with sigma_t = sqrt(beta_t), and no noise term when t == 0
 */
function reverseStep(xt, t, epsPred, betas, z) {
  // TODO: beta_t, alpha_t = 1 - beta_t, alphaBar_t = product of (1 - beta_s) for s = 0..t
  // TODO: the mean: remove the predicted noise, then divide by sqrt(alpha_t)
  // TODO: add sigma_t * z, except at t == 0
  return xt;
}
