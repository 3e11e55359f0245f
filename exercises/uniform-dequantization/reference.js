function dequantize(x, u) {
  return tf.div(tf.add(tf.cast(x, 'float32'), u), 256);
}

function bitsPerDim(logDensity, numDims) {
  return tf.div(tf.neg(tf.sub(logDensity, numDims * Math.log(256))), numDims * Math.LN2);
}
