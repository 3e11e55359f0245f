import type { ItemScore } from '@/db/queries/scores';
import { formatPercent } from '@/app/_lib/format-percent.shared';
import { formatPoints } from '@/app/_lib/format-points.shared';

export { formatPercent };

/** Points as everywhere (app/_lib/format-points.shared.ts), or "—" for nothing counted yet. */
export function formatCellPoints(points: number | null): string {
  return points === null ? '—' : formatPoints(points);
}

/** The short markers a cell carries, with the words a screen reader and the legend use. */
export function scoreMarkers(score: ItemScore): { mark: string; label: string }[] {
  return [
    ...(score.late ? [{ mark: 'L', label: score.penalty > 0 ? `late, −${formatPercent(score.penalty)}` : 'late' }] : []),
    ...(score.overridden ? [{ mark: 'O', label: 'overridden by staff' }] : []),
    ...(score.pendingReview ? [{ mark: 'R', label: 'pending review, not counted until reviewed' }] : []),
  ];
}
