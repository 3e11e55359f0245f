function tripletLoss(anchor, positive, negative, margin) {
  for (;;) {}
}
