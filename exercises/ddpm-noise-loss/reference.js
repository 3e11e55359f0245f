function ddpmLoss(x0, t, eps, betas, net) {
  // Each example's own alphaBar_t, as a column so it scales its row.
  const alphaBar = tf.reshape(tf.gather(tf.cumprod(tf.sub(1, betas)), t), [-1, 1]);
  const xt = tf.add(tf.mul(tf.sqrt(alphaBar), x0), tf.mul(tf.sqrt(tf.sub(1, alphaBar)), eps));
  return tf.mean(tf.sum(tf.square(tf.sub(eps, net(xt, t))), 1));
}
