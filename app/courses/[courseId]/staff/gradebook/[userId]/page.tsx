import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { selectStudentGradebook, type StudentItemDetail } from '@/db/queries/gradebook';
import { formatPercent, formatCellPoints, scoreMarkers } from '../score-format';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { formatDateTime } from '@/app/_lib/format-date.shared';

export const metadata: Metadata = { title: 'Student grades' };

export default async function StudentGradesPage({ params }: { params: Promise<{ courseId: string; userId: string }> }) {
  const { courseId, userId } = await params;
  const { user, course } = await requireCapability(courseId, 'gradebook.view', `/courses/${courseId}/staff/gradebook/${userId}`);
  const detail = await forbiddenOnRefusal(selectStudentGradebook(user.id, course.id, userId));
  if (!detail) notFound();
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/courses/${course.id}/staff/gradebook`} className="link">
          {course.title} · Gradebook
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold">{detail.student.name}</h1>
        <p className="text-slate-600">
          {detail.student.email} · total <strong data-testid="student-total">{formatCellPoints(detail.total)}</strong> / {formatCellPoints(detail.maxTotal)}
        </p>
      </div>
      {detail.items.map((entry) => (
        <ItemCard key={entry.item.itemId} entry={entry} timeZone={course.timeZone} />
      ))}
    </div>
  );
}

function ItemCard({ entry, timeZone }: { entry: StudentItemDetail; timeZone: string }) {
  const { item, score } = entry;
  return (
    <section className="card space-y-3" aria-labelledby={`item-${item.itemId}`} data-testid="student-item">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`item-${item.itemId}`} className="text-lg font-semibold">
          <span className="text-slate-500">
            <InlineMarkdown>{item.assignmentTitle}</InlineMarkdown> ·{' '}
          </span>
          <InlineMarkdown>{item.title}</InlineMarkdown>
        </h2>
        <p className="tabular-nums">
          <strong>{formatCellPoints(score.final)}</strong> / {formatCellPoints(item.points)}
          {scoreMarkers(score).map((m) => (
            <span key={m.mark} className="ml-2 rounded bg-slate-200 px-1.5 text-xs">
              {m.label}
            </span>
          ))}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="text-slate-500">Due</dt>
        <dd>{entry.dueAt ? formatDateTime(entry.dueAt, timeZone) : 'no due date'}</dd>
        <dt className="text-slate-500">Best raw</dt>
        <dd>{formatCellPoints(score.raw)}</dd>
        <dt className="text-slate-500">Late penalty</dt>
        <dd>{score.penalty > 0 ? `−${formatPercent(score.penalty)}` : 'none'}</dd>
        <dt className="text-slate-500">Final</dt>
        <dd>
          {formatCellPoints(score.final)}
          {score.overridden ? ' (override)' : ''}
        </dd>
      </dl>
      {entry.attempts.length === 0 ? (
        <p className="text-sm text-slate-600">No attempts.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Attempts</caption>
          <thead className="text-left text-slate-500">
            <tr>
              <th scope="col" className="py-1">
                Attempt
              </th>
              <th scope="col">Submitted</th>
              <th scope="col">Status</th>
              <th scope="col" className="text-right">
                Score
              </th>
              <th scope="col" className="text-right">
                Late penalty
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {entry.attempts.map((a) => (
              <tr key={a.attempt} className={a.counts ? '' : 'text-slate-400'}>
                <td className="py-1">#{a.attempt}</td>
                <td>
                  {formatDateTime(a.at, timeZone)}
                  {a.late ? ' · late' : ''}
                </td>
                <td>{a.counts ? 'graded' : a.status.replace('_', ' ')}</td>
                <td className="text-right tabular-nums">{a.score === null ? '—' : formatCellPoints(a.score * item.points)}</td>
                <td className="text-right tabular-nums">{a.penalty > 0 ? `−${formatPercent(a.penalty)}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entry.overrides.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">Overrides (latest first; the latest counts)</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {entry.overrides.map((o) => (
              <li key={o.createdAt.toISOString()}>
                <strong>{formatCellPoints(o.newScore)}</strong>
                {o.oldScore !== null && <span className="text-slate-500"> (was {formatCellPoints(o.oldScore)})</span>} by {o.actorName ?? 'a former member'} on {formatDateTime(o.createdAt, timeZone)}{' '}
                — {o.reason}
                {o.comment && <span className="text-slate-500"> · told the student: “{o.comment}”</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
