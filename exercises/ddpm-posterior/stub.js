/**
 * The DDPM forward-process posterior q(x_{t-1} | x_t, x_0) = N(mean, variance · I).
 *
 * @param {tf.Tensor} x0      clean data, any shape, e.g. [batch, H, W, C]
 * @param {tf.Tensor} xt      noisy sample at step t, same shape as x0
 * @param {number} t          0-based step index, 0 <= t < T
 * @param {tf.Tensor1D} betas [T] noise schedule
 * @returns {{ mean: tf.Tensor, variance: tf.Scalar }}
 *   mean     = sqrt(alphaBar_{t-1}) * beta_t / (1 - alphaBar_t) * x0
 *            + sqrt(alpha_t) * (1 - alphaBar_{t-1}) / (1 - alphaBar_t) * xt     (same shape as x0)
 *   variance = (1 - alphaBar_{t-1}) / (1 - alphaBar_t) * beta_t                 (a scalar tensor)
 *   with alpha_t = 1 - beta_t, alphaBar_t = product of alpha_s for s = 0..t, alphaBar_{-1} = 1
 */
function ddpmPosterior(x0, xt, t, betas) {
  // TODO: beta_t, alpha_t, alphaBar_t and alphaBar_{t-1} from the schedule
  // TODO: the two coefficients of the mean
  // TODO: the variance, as a scalar tensor
  return { mean: xt, variance: tf.scalar(0) };
}
