function reverseStep(xt, t, epsPred, betas, z) {
  return tf.tidy(() => {
    const beta = tf.reshape(tf.slice(betas, [t], [1]), []);
    const alpha = tf.sub(1, beta);
    const alphaBar = tf.prod(tf.sub(1, tf.slice(betas, [0], [t + 1])));
    const epsCoef = tf.div(beta, tf.sqrt(tf.sub(1, alphaBar)));
    const mean = tf.div(tf.sub(xt, tf.mul(epsCoef, epsPred)), tf.sqrt(alpha));
    return t === 0 ? mean : tf.add(mean, tf.mul(tf.sqrt(beta), z));
  });
}
