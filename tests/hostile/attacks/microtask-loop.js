function tripletLoss(anchor, positive, negative, margin) {
  const spin = () => Promise.resolve().then(spin);
  spin();
  return tf.scalar(-1);
}
