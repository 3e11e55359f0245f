/**
 * DDPM ancestral sampling: apply the reverse step at t = T-1, ..., 0, starting from xStart.
 *
 * @param {(x: tf.Tensor, t: number) => tf.Tensor} epsModel  predicted noise in x at step t
 * @param {tf.Tensor1D} betas   [T] noise schedule
 * @param {tf.Tensor2D} xStart  [n, d] starting noise x_{T-1}
 * @param {tf.Tensor3D} noise   [T, n, d]; noise[t] is the z of the step at t (noise[0] unused)
 * @returns {tf.Tensor2D}       [n, d] the samples after the step at t = 0
 */
function sampleDDPM(epsModel, betas, xStart, noise) {
  // TODO: your reverse step (from the previous exercise) as a helper
  // TODO: for t = T-1 down to 0: x = step(x, t, epsModel(x, t), noise[t])
  return xStart;
}
