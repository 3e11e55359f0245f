// Tries to reach host objects through structured call sites.
Error.prepareStackTrace = (err, frames) => frames.map((f) => f.getThis());
function tripletLoss() {
  const frames = new Error('probe').stack;
  const host = frames.find((t) => t && t.process);
  host.process.exit(1);
}
