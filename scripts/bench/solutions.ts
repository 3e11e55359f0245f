import { readFileSync } from 'node:fs';

/** The submission mix: mostly honest attempts, some wrong, a few that never terminate. */
export function pickSolution(random: number, mix: { wrong: number; loop: number }): { kind: 'correct' | 'wrong' | 'loop'; code: string } {
  if (random < mix.loop) return { kind: 'loop', code: 'function tripletLoss(a, p, n, m) { while (true) {} }' };
  if (random < mix.loop + mix.wrong) {
    // The classic mistake: summing over the batch instead of averaging.
    return { kind: 'wrong', code: 'function tripletLoss(a, p, n, m) { return a.sub(p).square().sum(1).sub(a.sub(n).square().sum(1)).add(m).relu().sum(); }' };
  }
  return { kind: 'correct', code: readFileSync('exercises/triplet-loss/reference.js', 'utf8') };
}
