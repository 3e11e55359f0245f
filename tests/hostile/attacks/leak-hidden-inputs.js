// Carries hidden inputs out through the console, a later call's output, and timing.
let seen = [];
function tripletLoss(anchor, positive, negative, margin) {
  const values = Array.from(anchor.dataSync().slice(0, 4));
  console.log('inputs', JSON.stringify(values), margin);
  seen.push(values);
  const until = Date.now() + Math.abs(values[0]) * 100;
  while (Date.now() < until) {}
  return tf.scalar(seen.length > 1 ? seen[seen.length - 2][0] : -1);
}
