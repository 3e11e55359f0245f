import type { Metadata } from 'next';
import Link from 'next/link';
import { StaffBreadcrumb } from '../staff-breadcrumb';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { selectAuditTrail } from '@/db/queries/audit';
import { formatDateTime } from '@/app/_lib/format-date.shared';

export const metadata: Metadata = { title: 'Audit trail' };

/** Every manual score change, newest first. Rows are append-only in the database; this page only reads. */
export default async function AuditPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { user, course } = await requireCapability(courseId, 'audit.view', `/courses/${courseId}/staff/audit`);
  const entries = await forbiddenOnRefusal(selectAuditTrail(user.id, course.id));
  const base = `/courses/${course.id}/staff/submissions`;

  return (
    <div className="space-y-6">
      <StaffBreadcrumb course={course} />
      <h1 className="text-2xl font-semibold">Audit trail</h1>
      <section className="card overflow-x-auto" aria-label="Score changes">
        {entries.length === 0 ? (
          <p className="text-slate-600">No score has been changed by hand in this course.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">When</th>
                <th className="py-2 pr-3 font-medium">Who</th>
                <th className="py-2 pr-3 font-medium">Student · item</th>
                <th className="py-2 pr-3 font-medium">Old → new (points)</th>
                <th className="py-2 pr-3 font-medium">Why</th>
                <th className="py-2 font-medium">Told the student</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {entries.map((e) => {
                const href = e.submissionId ? `${base}/${e.submissionId}` : e.quizAttemptId ? `${base}/quiz/${e.quizAttemptId}` : null;
                return (
                  <tr key={e.id} data-testid="audit-row" className="align-top">
                    <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(e.createdAt, course.timeZone)}</td>
                    <td className="py-2 pr-3">{e.actorName ?? 'a former member'}</td>
                    <td className="py-2 pr-3">
                      {href ? (
                        <Link href={href} className="link">
                          {e.studentName}
                        </Link>
                      ) : (
                        e.studentName
                      )}{' '}
                      · {e.itemTitle}
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {e.oldScore ?? '—'} → {e.newScore}
                    </td>
                    <td className="py-2 pr-3">{e.reason}</td>
                    <td className="py-2 text-slate-600">{e.comment ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
