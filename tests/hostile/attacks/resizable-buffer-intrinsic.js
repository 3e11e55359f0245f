// The constructor reached through an instance, not the global, and past the wrapper via a subclass.
function tripletLoss() {
  const Native = new Uint8Array(1).buffer.constructor;
  class Big extends Native {}
  const buffer = Reflect.construct(Native, [8, { maxByteLength: 4e9 }], Big);
  ArrayBuffer.prototype.resize.call(buffer, 1e9);
  return tf.scalar(-1);
}
