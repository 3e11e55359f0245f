function reparameterize(mu, logVar, eps) {
  return tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logVar)), eps));
}

function klToStandardNormal(mu, logVar) {
  return tf.mul(-0.5, tf.sum(tf.sub(tf.sub(tf.add(1, logVar), tf.square(mu)), tf.exp(logVar)), 1));
}
