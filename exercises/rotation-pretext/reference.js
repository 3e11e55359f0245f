function rotationPretextBatch(images) {
  return tf.tidy(() => {
    const n = images.shape[0];
    const swapHW = [0, 2, 1, 3];
    const r90 = tf.transpose(tf.reverse(images, 2), swapHW);
    const r180 = tf.reverse(images, [1, 2]);
    const r270 = tf.reverse(tf.transpose(images, swapHW), 2);
    const labels = new Int32Array(4 * n);
    for (let i = 0; i < 4 * n; i++) labels[i] = Math.floor(i / n);
    return { inputs: tf.concat([images, r90, r180, r270], 0), labels: tf.tensor1d(labels, 'int32') };
  });
}
