/** Small statistics for the analytics page; pure, so they are tested without a database. */

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Counts of fractions 0..1 in `bins` equal bins; 1.0 falls in the last one. */
export function histogram(fractions: number[], bins = 10): number[] {
  const counts = Array.from({ length: bins }, () => 0);
  for (const f of fractions) counts[Math.min(bins - 1, Math.max(0, Math.floor(f * bins)))]++;
  return counts;
}

/**
 * Pearson correlation of a question's score with the quiz total — the point-biserial when the
 * question is right/wrong. Null when either side does not vary (everyone right, or one student).
 */
export function pointBiserial(item: number[], total: number[]): number | null {
  const n = item.length;
  if (n < 2) return null;
  const mx = item.reduce((a, b) => a + b, 0) / n;
  const my = total.reduce((a, b) => a + b, 0) / n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (item[i] - mx) * (total[i] - my);
    sxx += (item[i] - mx) ** 2;
    syy += (total[i] - my) ** 2;
  }
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Numbers vary between students ("shape [64]" vs "shape [32]"); the mistake behind them does not. */
export function messageKey(message: string): string {
  return message
    .replace(/-?\d+(\.\d+)?(e-?\d+)?/gi, '#')
    .replace(/\s+/g, ' ')
    .trim();
}
