// KL(N(mu, exp(logVar)) || N(0, I)) per example, summed over the latent axis.
function klPerExample(mu, logVar) {
  return tf.mul(-0.5, tf.sum(tf.sub(tf.sub(tf.add(1, logVar), tf.square(mu)), tf.exp(logVar)), 1));
}

function bernoulliNegElbo(x, logits, mu, logVar) {
  // softplus(l) − x·l is −log Bernoulli(x; sigmoid(l)), finite for any logit.
  const recon = tf.sum(tf.sub(tf.softplus(logits), tf.mul(x, logits)), 1);
  return tf.mean(tf.add(recon, klPerExample(mu, logVar)));
}

function gaussianNegElbo(x, xMean, xLogVar, mu, logVar) {
  const perFeature = tf.add(tf.add(xLogVar, Math.log(2 * Math.PI)), tf.div(tf.square(tf.sub(x, xMean)), tf.exp(xLogVar)));
  const recon = tf.mul(0.5, tf.sum(perFeature, 1));
  return tf.mean(tf.add(recon, klPerExample(mu, logVar)));
}
