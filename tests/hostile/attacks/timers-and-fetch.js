function tripletLoss() {
  setTimeout(() => {}, 0);
  fetch('http://localhost/');
  return tf.scalar(-1);
}
