function couplingForward(x, net) {
  const [x1, x2] = tf.split(x, 2, 1);
  const { logScale, shift } = net(x1);
  const y2 = tf.add(tf.mul(x2, tf.exp(logScale)), shift);
  return { y: tf.concat([x1, y2], 1), logDet: tf.sum(logScale, 1) };
}
