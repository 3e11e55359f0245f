function tripletLoss(anchor) {
  const keep = [];
  for (;;) keep.push(tf.ones([1024, 1024]));
}
