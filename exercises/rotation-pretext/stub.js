/**
 * The rotation-prediction pretext task (RotNet): every image rotated by 0°, 90°, 180° and 270°
 * counter-clockwise, labelled with the index of its rotation.
 *
 * @param {tf.Tensor4D} images  [N, H, W, C] with H == W
 * @returns {{ inputs: tf.Tensor4D, labels: tf.Tensor1D }}
 *   inputs [4N, H, W, C]: the whole batch at 0°, then at 90°, then 180°, then 270° (blocks of N);
 *          90° is numpy's rot90(img, 1, axes=(0, 1))
 *   labels [4N] int32: N zeros, N ones, N twos, N threes
 */
function rotationPretextBatch(images) {
  // TODO: rotate the batch by 90°, 180° and 270° counter-clockwise (spatial axes 1 and 2 only)
  // TODO: concatenate the four blocks along the batch axis
  // TODO: int32 labels 0, 1, 2, 3, each repeated N times
  const n = images.shape[0];
  return { inputs: tf.concat([images, images, images, images], 0), labels: tf.zeros([4 * n], 'int32') };
}
