function linearBetaSchedule(T, betaStart, betaEnd) {
  // In float64, then rounded once: tf.linspace accumulates the step in float32.
  const values = new Float32Array(T);
  for (let i = 0; i < T; i++) values[i] = T === 1 ? betaStart : betaStart + ((betaEnd - betaStart) * i) / (T - 1);
  return tf.tensor1d(values);
}

function qSample(x0, t, betas, noise) {
  return tf.tidy(() => {
    const alphaBar = tf.prod(tf.sub(1, betas.slice(0, t + 1)));
    return tf.add(tf.mul(tf.sqrt(alphaBar), x0), tf.mul(tf.sqrt(tf.sub(1, alphaBar)), noise));
  });
}
