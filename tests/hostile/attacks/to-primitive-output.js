let n = 0;
function tripletLoss() {
  return { [Symbol.toPrimitive]: () => n++, valueOf: () => n++, toString: () => String(n++) };
}
