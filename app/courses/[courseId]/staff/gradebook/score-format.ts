import type { ItemScore } from '@/db/queries/scores';
import { formatPercent } from '@/app/_lib/format-percent.shared';

export { formatPercent };

/** "6.4" for a score, "—" for nothing counted yet; at most two decimals on screen (the CSV keeps four). */
export function formatPoints(points: number | null): string {
  return points === null ? '—' : String(Math.round(points * 100) / 100);
}

/** The short markers a cell carries, with the words a screen reader and the legend use. */
export function scoreMarkers(score: ItemScore): { mark: string; label: string }[] {
  return [
    ...(score.late ? [{ mark: 'L', label: score.penalty > 0 ? `late, −${formatPercent(score.penalty)}` : 'late' }] : []),
    ...(score.overridden ? [{ mark: 'O', label: 'overridden by staff' }] : []),
    ...(score.pendingReview ? [{ mark: 'R', label: 'pending review, not counted until reviewed' }] : []),
  ];
}
