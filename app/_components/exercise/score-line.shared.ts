import { latePenalty } from '@/db/queries/late-penalty.shared';
import { formatPercent } from '@/app/_lib/format-percent.shared';
import { formatPoints } from '@/app/_lib/format-points.shared';

export type LateTerms = { isLate: boolean; submittedAt: string; dueAt: string | null; latePenaltyPerDay: number };

/**
 * The points of a graded submission in words that say whether the late penalty is already taken off
 * ("1 / 10 points after a 50 % late penalty; 2 / 10 before"), with the rule the gradebook uses (db/queries/scores.ts).
 */
export function pointsLine(points: number, maxPoints: number, late: LateTerms): string {
  if (!late.isLate) return `${formatPoints(points)} / ${formatPoints(maxPoints)} points`;
  const penalty = latePenalty(new Date(late.submittedAt), late.dueAt ? new Date(late.dueAt) : null, late.latePenaltyPerDay);
  if (penalty === 0) return `${formatPoints(points)} / ${formatPoints(maxPoints)} points, late, no late penalty`;
  return `${formatPoints(points * (1 - penalty))} / ${formatPoints(maxPoints)} points after a ${formatPercent(penalty)} late penalty; ${formatPoints(points)} / ${formatPoints(maxPoints)} before`;
}
