function tripletLoss(anchor, positive, negative, margin) {
  return new Promise(() => {});
}
