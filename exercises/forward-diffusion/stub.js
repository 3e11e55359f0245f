/**
 * Linear noise schedule of DDPM.
 *
 * @param {number} T          number of diffusion steps (>= 1)
 * @param {number} betaStart  first beta, e.g. 1e-4
 * @param {number} betaEnd    last beta, e.g. 0.02
 * @returns {tf.Tensor1D}     [T] evenly spaced from betaStart to betaEnd, both included
 */
function linearBetaSchedule(T, betaStart, betaEnd) {
  // TODO: T evenly spaced values; the first is betaStart, the last betaEnd
  return tf.zeros([T]);
}

/**
 * Samples x_t ~ q(x_t | x_0) in closed form, with the noise given.
 *
 * @param {tf.Tensor} x0     clean data, any shape, e.g. [batch, H, W, C]
 * @param {number} t         0-based step index, 0 <= t < T
 * @param {tf.Tensor1D} betas [T] noise schedule
 * @param {tf.Tensor} noise  standard normal noise, same shape as x0
 * @returns {tf.Tensor}      same shape as x0: sqrt(alphaBar_t) * x0 + sqrt(1 - alphaBar_t) * noise
 */
function qSample(x0, t, betas, noise) {
  // TODO: alphas = 1 - betas
  // TODO: alphaBar_t = product of alphas[0..t] (t + 1 factors)
  // TODO: combine x0 and noise with the two square-root coefficients
  return x0;
}
