import type { FinalScore } from '@/db/queries/student-feedback';
import { formatPoints } from '@/app/_lib/format-points.shared';

/**
 * Course staff set this item's final score by hand (it replaces the best attempt, see db/queries/scores.ts): the
 * student sees that score, that staff set it, the grader's comment if any, and what the best attempt scored, so a
 * 100 % submission under "Final score 9 / 10" is explained rather than contradicted.
 */
export function FinalScoreNote({ final, points, best }: { final: FinalScore | undefined; points: number; best: number | null }) {
  if (!final) return null;
  return (
    <section className="rounded-lg border border-indigo-200 bg-indigo-50 p-4 text-sm" aria-label="Final score" data-testid="final-score">
      <p className="font-semibold text-indigo-950">
        Final score: {formatPoints(final.score)} / {points} points <span className="font-normal">(set by course staff{final.comment ? `: ${final.comment}` : ''})</span>
      </p>
      <p className="mt-1 text-indigo-900">
        {best === null
          ? 'No attempt of yours is graded; this score counts for the item.'
          : `Your best attempt: ${formatPoints(best)} / ${points} points. The final score above is what counts for this item.`}
      </p>
    </section>
  );
}
