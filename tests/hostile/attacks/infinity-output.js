function tripletLoss(anchor) {
  return tf.scalar(Infinity).add(anchor.sum().mul(0));
}
