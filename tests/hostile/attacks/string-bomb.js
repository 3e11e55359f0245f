function tripletLoss() {
  let s = 'x';
  for (;;) s += s;
}
