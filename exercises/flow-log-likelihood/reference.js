function flowLogLikelihood(x, nets, perm) {
  const D = x.shape[1];
  let h = x;
  let logDet = tf.zeros([x.shape[0]]);
  for (let k = 0; k < nets.length; k++) {
    const [h1, h2] = tf.split(h, 2, 1);
    // Even layers transform the second half, odd ones the first; the halves keep their places.
    const [cond, moved] = k % 2 === 0 ? [h1, h2] : [h2, h1];
    const { logScale, shift } = nets[k](cond);
    const changed = tf.add(tf.mul(moved, tf.exp(logScale)), shift);
    h = tf.concat(k % 2 === 0 ? [h1, changed] : [changed, h2], 1);
    logDet = tf.add(logDet, tf.sum(logScale, 1));
    // A permutation: new feature j is old feature perm[j]; its log-determinant is 0.
    h = tf.gather(h, perm, 1);
  }
  const logNormal = tf.sub(tf.mul(-0.5, tf.sum(tf.square(h), 1)), (D / 2) * Math.log(2 * Math.PI));
  return tf.add(logNormal, logDet);
}

function bitsPerDim(x, u, nets, perm) {
  const D = x.shape[1];
  const y = tf.div(tf.add(tf.cast(x, 'float32'), u), 256);
  return tf.div(tf.sub(flowLogLikelihood(y, nets, perm), D * Math.log(256)), -D * Math.LN2);
}
