import Link from 'next/link';
import { CourseTime } from '@/app/_components/course-time';
import { Markdown } from '@/app/_components/markdown/markdown';
import type { StudentItemRow } from '@/db/queries/student-items';
import type { FinalScore } from '@/db/queries/student-feedback';
import { totalPoints, type ItemScore } from '@/db/queries/scores';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { formatPercent } from '@/app/_lib/format-percent.shared';
import { formatPoints } from '@/app/_lib/format-points.shared';

type ItemStatus = { label: string; tone: 'slate' | 'sky' | 'indigo' | 'emerald' | 'amber' };

function itemStatus(item: StudentItemRow, final: FinalScore | undefined, score: ItemScore | undefined): ItemStatus {
  // A grader's override is the item's score, whatever the attempts say.
  if (final && !item.scoresHeld) return { label: `${formatPoints(final.score)} / ${item.points} pts (final)`, tone: final.score >= item.points ? 'emerald' : 'indigo' };
  if (item.latestStatus === 'queued' || item.latestStatus === 'grading') return { label: 'grading…', tone: 'indigo' };
  if (item.latestStatus === 'in_progress') return { label: 'in progress', tone: 'sky' };
  // The score policy's rule, worded as the gradebook words it: a quiz attempt waiting for a grader counts nothing yet.
  if (score?.pendingReview && !item.scoresHeld) return { label: score.final === null ? 'pending review' : `pending review · ${formatPoints(score.final)} / ${item.points} pts counted`, tone: 'amber' };
  if (item.bestScore !== null) return { label: `best ${formatPercent(item.bestScore)}`, tone: item.bestScore >= 1 ? 'emerald' : 'indigo' };
  if (item.attempts > 0) return { label: item.scoresHeld ? 'submitted · score after the due date' : 'submitted', tone: 'indigo' };
  if (item.hasDraft) return { label: 'draft', tone: 'sky' };
  return { label: 'not started', tone: 'slate' };
}

const TONES: Record<ItemStatus['tone'], string> = {
  slate: 'bg-slate-100 text-slate-700',
  sky: 'bg-sky-100 text-sky-900',
  indigo: 'bg-indigo-100 text-indigo-900',
  emerald: 'bg-emerald-100 text-emerald-900',
  amber: 'bg-amber-100 text-amber-900',
};

/** Published assignments with the student's status on each item and overall progress. */
export function AssignmentList({
  courseId,
  items,
  finals = new Map(),
  scores = new Map(),
}: {
  courseId: string;
  items: StudentItemRow[];
  finals?: Map<string, FinalScore>;
  scores?: Map<string, ItemScore>;
}) {
  if (items.length === 0) return <p className="mt-2 text-slate-600">No assignments have been published in this course yet.</p>;
  const groups = new Map<string, StudentItemRow[]>();
  for (const item of items) groups.set(item.assignmentId, [...(groups.get(item.assignmentId) ?? []), item]);
  const total = items.reduce((n, i) => n + i.points, 0);
  // The total is the gradebook's (db/queries/scores.ts): best attempt after late penalties or the staff's final score,
  // nothing for an attempt pending review; an item whose scores are held until the due date adds nothing yet.
  const shown = items.filter((i) => !i.scoresHeld).map((i) => scores.get(i.itemId));
  const earned = totalPoints(shown.map((s) => ({ final: s?.final ?? null })));
  const pending = shown.filter((s) => s?.pendingReview).length;
  const started = items.filter((i) => i.attempts > 0).length;
  const progress = total > 0 ? earned / total : 0;
  return (
    <div className="mt-3 space-y-6">
      <div data-testid="course-progress">
        <p className="text-sm text-slate-700">
          {started} of {items.length} items submitted · {Math.round(earned * 10) / 10} of {total} points (after late penalties)
          {pending > 0 && ` · ${pending} pending review, not counted until reviewed`}
        </p>
        <div
          className="mt-1 h-2 w-full overflow-hidden rounded-full bg-slate-200"
          role="progressbar"
          aria-label="Points earned"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress * 100)}
        >
          <div className="h-full bg-emerald-600" style={{ width: `${progress * 100}%` }} />
        </div>
      </div>
      {[...groups.values()].map((group) => {
        const a = group[0];
        const due = a.extendedDueAt ?? a.dueAt;
        return (
          <section key={a.assignmentId} aria-labelledby={`assignment-${a.assignmentId}`} className="space-y-2">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={`assignment-${a.assignmentId}`} className="font-semibold">
                <InlineMarkdown>{a.assignmentTitle}</InlineMarkdown>
              </h3>
              <p className="text-sm text-slate-600">
                {due ? (
                  <>
                    Due <CourseTime iso={due.toISOString()} />
                    {a.extendedDueAt && ' (your extension)'}
                  </>
                ) : (
                  'No due date'
                )}
              </p>
            </div>
            {a.assignmentDescription && <Markdown className="text-sm">{a.assignmentDescription}</Markdown>}
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
              {group.map((item) => {
                const status = itemStatus(item, finals.get(item.itemId), scores.get(item.itemId));
                const href = item.kind === 'exercise' ? `/courses/${courseId}/items/${item.itemId}` : `/courses/${courseId}/quizzes/${item.itemId}`;
                return (
                  <li key={item.itemId} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2" data-testid="course-item">
                    <Link href={href} className="link min-w-0 flex-1">
                      <InlineMarkdown>{item.title}</InlineMarkdown>
                    </Link>
                    <span className="text-xs text-slate-500">
                      {item.kind} · {item.points} pts
                      {item.maxAttempts !== null && ` · ${item.attempts}/${item.maxAttempts} attempts`}
                    </span>
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status.tone]}`} data-testid="item-status">
                      {status.label}
                    </span>
                    {item.anyLate && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">late</span>}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
