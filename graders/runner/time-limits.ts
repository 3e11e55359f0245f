// Shared with the browser's Run: no imports.

// A case's time limit follows the reference's own time, so what a submission can do with time on a
// hidden case (spin for an amount that encodes a hidden input) is bounded well below the exercise's
// limit, and a correct but CPU-burning solution cannot hold a grading core for seconds per call.
// The floor covers an honest solution written with other ops, run cold in a fresh isolate:
// tests/fixtures/triplet-loss/correct-matmul.js (a 512 × 512 Gram matrix where the reference takes
// 1.2 ms) needs ~150 ms on its large batch on an idle machine. Isolate time is wall time (isolated-vm's
// cpuTime is wall time too), so on a busy machine everything is slower: the limit grows with how
// oversubscribed the cores are (machineLoadFactor in student.ts, read before each case); with both
// cores 3.5× oversubscribed that case took 1.0–1.3 s.
export const RELATIVE_LIMIT_FACTOR = 50;
export const RELATIVE_LIMIT_FLOOR_MS = 1000;

/**
 * What one call of this case may take: 50 × the reference's warm time, at least 1 s, times the
 * machine's load factor (≥ 1), never above the exercise's limit.
 */
export function caseTimeLimitMs(c: { referenceMs: number }, timeMsPerTest: number, loadFactor = 1): number {
  const relative = Math.max(RELATIVE_LIMIT_FLOOR_MS, Math.ceil(RELATIVE_LIMIT_FACTOR * c.referenceMs)) * Math.max(1, loadFactor);
  return Math.min(timeMsPerTest, Math.round(relative));
}
