import Link from 'next/link';
import type { ExerciseStats } from '@/db/queries/analytics';
import { ScoreHistogram, ShareBar } from './histogram';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';

function formatMinutes(m: number | null): string {
  if (m === null) return '—';
  if (m < 90) return `${Math.round(m)} min`;
  if (m < 48 * 60) return `${Math.round((m / 60) * 10) / 10} h`;
  return `${Math.round((m / 1440) * 10) / 10} days`;
}

export function ExerciseCard({ courseId, stats }: { courseId: string; stats: ExerciseStats }) {
  return (
    <section className="card space-y-4" aria-labelledby={`ex-${stats.itemId}`} data-testid="exercise-analytics">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`ex-${stats.itemId}`} className="text-lg font-semibold">
          <span className="text-slate-500">
            <InlineMarkdown>{stats.assignmentTitle}</InlineMarkdown> ·{' '}
          </span>
          <InlineMarkdown>{stats.title}</InlineMarkdown>
        </h3>
        <Link href={`/courses/${courseId}/staff/analytics/similarity/${stats.itemId}`} className="link text-sm">
          Similarity check
        </Link>
      </div>
      {stats.students === 0 ? (
        <p className="text-slate-600">No graded submissions from students yet.</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-2">
            <ScoreHistogram id={`hist-${stats.itemId}`} label={`Best score of ${stats.students} student(s)`} counts={stats.histogram} />
            <dl className="grid grid-cols-2 gap-x-4 text-sm">
              <dt className="text-slate-500">Median attempts</dt>
              <dd>{stats.medianAttempts ?? '—'}</dd>
              <dt className="text-slate-500">Median time to first 100 %</dt>
              <dd>
                {formatMinutes(stats.medianMinutesToPass)} <span className="text-slate-500">({stats.passedStudents} reached it)</span>
              </dd>
            </dl>
          </div>
          <div className="space-y-4">
            <div>
              <h4 className="text-sm font-semibold">Pass rate per test (best submission)</h4>
              <ul className="mt-1 space-y-1 text-sm">
                {stats.tests.map((t) => (
                  <li key={t.id} className="flex items-center justify-between gap-3">
                    <span className="truncate">{t.name}</span>
                    <ShareBar share={t.passRate} />
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h4 className="text-sm font-semibold">Most common mistakes (share of students who made them)</h4>
              {stats.failures.length === 0 ? (
                <p className="text-sm text-slate-600">None.</p>
              ) : (
                <ol className="mt-1 space-y-2 text-sm">
                  {stats.failures.map((f) => (
                    <li key={`${f.testName}:${f.message}`} data-testid="failure">
                      <ShareBar share={f.share} tone="rose" />{' '}
                      {f.testName === null ? <span className="text-slate-500">most likely mistake:</span> : <span className="text-slate-500">{f.testName}:</span>} {f.message}
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
