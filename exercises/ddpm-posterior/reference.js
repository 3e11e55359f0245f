function ddpmPosterior(x0, xt, t, betas) {
  return tf.tidy(() => {
    const beta = tf.reshape(tf.slice(betas, [t], [1]), []);
    // alphaBar_{t-1} has t factors: the empty product 1 at t = 0.
    const alphaBarPrev = tf.prod(tf.sub(1, tf.slice(betas, [0], [t])));
    const alphaBar = tf.mul(alphaBarPrev, tf.sub(1, beta));
    const denom = tf.sub(1, alphaBar);
    const x0Coef = tf.div(tf.mul(tf.sqrt(alphaBarPrev), beta), denom);
    const xtCoef = tf.div(tf.mul(tf.sqrt(tf.sub(1, beta)), tf.sub(1, alphaBarPrev)), denom);
    const mean = tf.add(tf.mul(x0Coef, x0), tf.mul(xtCoef, xt));
    return { mean, variance: tf.mul(tf.div(tf.sub(1, alphaBarPrev), denom), beta) };
  });
}
