function ntXentLoss(z1, z2, temperature) {
  return tf.tidy(() => {
    const n = z1.shape[0];
    const z = tf.concat([z1, z2], 0);
    const unit = tf.div(z, tf.norm(z, 'euclidean', 1, true));
    const sim = tf.div(tf.matMul(unit, unit, false, true), temperature);
    const self = tf.cast(tf.eye(2 * n), 'bool');
    const logits = tf.where(self, tf.fill([2 * n, 2 * n], -Infinity), sim);
    const positives = [];
    for (let i = 0; i < 2 * n; i++) positives.push((i + n) % (2 * n));
    const positive = tf.sum(tf.mul(sim, tf.oneHot(tf.tensor1d(positives, 'int32'), 2 * n)), 1);
    return tf.mean(tf.sub(tf.logSumExp(logits, 1), positive));
  });
}
