import { readdirSync, readFileSync } from 'node:fs';

export type SolutionKind = 'correct' | 'wrong' | 'loop' | 'bomb' | 'burner';

// Honest correct solutions as students write them: the reference and the fixtures written with
// other ops (a Gram matrix, chained relu, …), so the relative time limits meet more than one shape.
const CORRECT: [string, string][] = [
  ['reference', readFileSync('exercises/triplet-loss/reference.js', 'utf8')],
  ...readdirSync('tests/fixtures/triplet-loss')
    .filter((f) => f.startsWith('correct-'))
    .map((f): [string, string] => [f.replace(/\.js$/, ''), readFileSync(`tests/fixtures/triplet-loss/${f}`, 'utf8')]),
];
export const CORRECT_VARIANTS = CORRECT.map(([name]) => name);

/** One of each memory attack in issue #14: resizable buffers, output amplification, report bloat. */
const BOMBS = ['resizable-buffer', 'resizable-buffer-intrinsic', 'output-amplification', 'report-bloat-keys'].map((name) => readFileSync(`tests/hostile/attacks/${name}.js`, 'utf8'));

/** Correct, but burning ~0.9 s per call: under each case's limit, so it scores 100 % slowly. */
export const BURNER = `function tripletLoss(anchor, positive, negative, margin) {
  const until = Date.now() + 900; while (Date.now() < until) {}
  return tf.mean(tf.relu(tf.sum(tf.squaredDifference(anchor, positive), -1).sub(tf.sum(tf.squaredDifference(anchor, negative), -1)).add(margin)));
}`;

/** The submission mix: mostly honest attempts, some wrong, a few that never terminate, and (with `bomb`) memory attacks. */
export function pickSolution(random: number, mix: { wrong: number; loop: number; bomb: number }, index: number): { kind: SolutionKind; code: string; variant?: string } {
  if (random < mix.loop) return { kind: 'loop', code: 'function tripletLoss(a, p, n, m) { while (true) {} }' };
  if (random < mix.loop + mix.bomb * BOMBS.length) return { kind: 'bomb', code: BOMBS[index % BOMBS.length] };
  if (random < mix.loop + mix.bomb * BOMBS.length + mix.wrong) {
    // The classic mistake: summing over the batch instead of averaging.
    return { kind: 'wrong', code: 'function tripletLoss(a, p, n, m) { return a.sub(p).square().sum(1).sub(a.sub(n).square().sum(1)).add(m).relu().sum(); }' };
  }
  // One correct submission in ten is a rewrite (the Gram-matrix one costs ~10× the reference's CPU).
  const [variant, code] = index % 10 === 0 ? CORRECT[1 + ((index / 10) % (CORRECT.length - 1))] : CORRECT[0];
  return { kind: 'correct', code, variant };
}
