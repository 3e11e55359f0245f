function tripletLoss(anchor, positive, negative, margin) {
  return tf.tidy(() => {
    const dPos = tf.sum(tf.squaredDifference(anchor, positive), -1);
    const dNeg = tf.sum(tf.squaredDifference(anchor, negative), -1);
    return tf.mean(tf.maximum(tf.add(tf.sub(dPos, dNeg), margin), 0));
  });
}
