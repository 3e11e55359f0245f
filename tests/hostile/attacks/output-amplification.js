// One 1 MB key shared by 1500 objects: 1 MB in the isolate, 1.5 GB once copied to the host.
function tripletLoss() {
  const key = 'k'.repeat(1 << 20);
  const out = [];
  for (let i = 0; i < 1500; i++) out.push({ [key]: 0 });
  return out;
}
