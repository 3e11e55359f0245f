function batchHardTripletLoss(embeddings, labels, margin) {
  return tf.tidy(() => {
    const B = labels.shape[0];
    const diff = tf.sub(tf.expandDims(embeddings, 1), tf.expandDims(embeddings, 0));
    const dist = tf.sqrt(tf.maximum(tf.sum(tf.square(diff), -1), 1e-12)); // [B, B]
    const same = tf.equal(tf.expandDims(labels, 1), tf.expandDims(labels, 0));
    const positive = tf.logicalAnd(same, tf.logicalNot(tf.cast(tf.eye(B), 'bool')));
    const hardestPositive = tf.max(tf.where(positive, dist, tf.fill([B, B], -Infinity)), 1);
    const hardestNegative = tf.min(tf.where(same, tf.fill([B, B], Infinity), dist), 1);
    return tf.mean(tf.relu(tf.add(tf.sub(hardestPositive, hardestNegative), margin)));
  });
}
