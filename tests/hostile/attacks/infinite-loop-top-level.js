while (true) {}
function tripletLoss() {}
