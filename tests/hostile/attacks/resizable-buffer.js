function tripletLoss() {
  const buffer = new ArrayBuffer(8, { maxByteLength: 4e9 });
  buffer.resize(1e9);
  new Uint8Array(buffer).fill(1);
  return tf.scalar(-1);
}
