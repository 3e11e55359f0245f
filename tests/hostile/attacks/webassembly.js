function tripletLoss() {
  const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
  const mod = new WebAssembly.Module(bytes);
  return tf.scalar(new WebAssembly.Instance(mod).exports ? -1 : 1);
}
