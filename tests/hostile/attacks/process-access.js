function tripletLoss() {
  return tf.scalar(Number(process.env.EXPECTED));
}
