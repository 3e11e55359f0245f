function sampleDDPM(epsModel, betas, xStart, noise) {
  const b = betas.arraySync();
  const alphaBars = [];
  b.reduce((prod, beta, i) => (alphaBars[i] = prod * (1 - beta)), 1);
  let x = xStart;
  for (let t = b.length - 1; t >= 0; t--) {
    const previous = x;
    x = tf.tidy(() => {
      const mean = tf.div(tf.sub(previous, tf.mul(b[t] / Math.sqrt(1 - alphaBars[t]), epsModel(previous, t))), Math.sqrt(1 - b[t]));
      return t > 0 ? tf.add(mean, tf.mul(Math.sqrt(b[t]), tf.gather(noise, t))) : mean;
    });
    if (previous !== xStart) previous.dispose();
  }
  return x;
}
