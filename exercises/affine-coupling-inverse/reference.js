function couplingInverse(y, net) {
  const [y1, y2] = tf.split(y, 2, 1);
  const { logScale, shift } = net(y1);
  const x2 = tf.mul(tf.sub(y2, shift), tf.exp(tf.neg(logScale)));
  return { x: tf.concat([y1, x2], 1), logDet: tf.neg(tf.sum(logScale, 1)) };
}
