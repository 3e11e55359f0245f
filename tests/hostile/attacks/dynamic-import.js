function tripletLoss() {
  import('node:fs').then((fs) => fs.writeFileSync('/tmp/tensorgrade-pwned', 'x'), (e) => console.log(`import failed: ${e}`));
  return tf.scalar(-1);
}
