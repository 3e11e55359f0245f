function tripletLoss(anchor, positive, negative, margin) {
  const down = (n) => down(n + 1) + 1;
  return down(0);
}
