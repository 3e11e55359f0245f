import type { selectRegradeRuns, summarizeRegrade } from '@/db/queries/regrades';
import { DecideRegradeForm } from './decide-regrade-form';
import { RegradeSummary } from './regrade-summary';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { markdownToPlainText } from '@/app/_components/markdown/plain-text.shared';
import { formatDateTime } from '@/app/_lib/format-date.shared';

type Run = Awaited<ReturnType<typeof selectRegradeRuns>>[number];

const STATUS_LABELS: Record<Run['status'], string> = {
  running: 'Running',
  ready: 'Ready to review',
  accepted: 'Accepted',
  discarded: 'Discarded',
};

export function RegradeRun({ courseId, timeZone, run, summary, canDecide }: { courseId: string; timeZone: string; run: Run; summary: ReturnType<typeof summarizeRegrade> | null; canDecide: boolean }) {
  const label = `Regrade of ${markdownToPlainText(run.exerciseTitle)} for ${run.studentName ?? 'all students'}`;
  return (
    <li className="card space-y-3" data-testid="regrade-run" aria-label={label}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">
          <InlineMarkdown>{run.exerciseTitle}</InlineMarkdown> · {run.studentName ?? 'all students'}
        </h3>
        <span className="text-sm text-slate-500" data-testid="regrade-status">
          {STATUS_LABELS[run.status]} · version {run.versionHash.slice(0, 8)} · started by {run.createdByName ?? 'someone'},{' '}
          <time dateTime={run.createdAt.toISOString()}>{formatDateTime(run.createdAt, timeZone)}</time>
        </span>
      </div>
      <div className="flex items-center gap-3">
        <progress className="h-2 flex-1 accent-indigo-600" max={Math.max(run.total, 1)} value={run.done} aria-label={`${label}: progress`} />
        <span className="text-sm tabular-nums text-slate-600" data-testid="regrade-progress">
          {run.done} / {run.total}
        </span>
      </div>
      {summary && <RegradeSummary summary={summary} />}
      {canDecide && (run.status === 'running' || run.status === 'ready') && <DecideRegradeForm courseId={courseId} runId={run.id} canAccept={run.status === 'ready'} />}
    </li>
  );
}
