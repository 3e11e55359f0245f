import type { FinalScore } from '@/db/queries/student-feedback';

/** A grader set this item's score by hand: the student sees the final score and, if given, the grader's comment. */
export function FinalScoreNote({ final, points }: { final: FinalScore | undefined; points: number }) {
  if (!final) return null;
  return (
    <section className="rounded-lg border border-indigo-200 bg-indigo-50 p-4 text-sm" aria-label="Final score" data-testid="final-score">
      <p className="font-semibold text-indigo-950">
        Final score: {Math.round(final.score * 100) / 100} / {points} points <span className="font-normal">(set by a grader)</span>
      </p>
      {final.comment && <p className="mt-1 text-indigo-900">Grader: {final.comment}</p>}
    </section>
  );
}
