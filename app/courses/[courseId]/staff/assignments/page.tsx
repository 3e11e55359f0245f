import type { Metadata } from 'next';
import Link from 'next/link';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { selectCourseAssignments, selectCourseTimeZone } from '@/db/queries/assignment-admin';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { formatDateTime } from '@/app/_lib/format-date.shared';
import { StaffBreadcrumb } from '../staff-breadcrumb';

export const metadata: Metadata = { title: 'Assignments' };

export default async function AssignmentsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { user, course } = await requireCapability(courseId, 'assignments.manage', `/courses/${courseId}/staff/assignments`);
  const [rows, timeZone] = await Promise.all([forbiddenOnRefusal(selectCourseAssignments(user.id, course.id)), selectCourseTimeZone(course.id)]);
  const when = (date: Date | null) => (date ? formatDateTime(date, timeZone) : '—');
  return (
    <div className="space-y-6">
      <StaffBreadcrumb course={course} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Assignments</h1>
        <Link href={`/courses/${course.id}/staff/assignments/new`} className="btn-primary">
          New assignment
        </Link>
      </div>
      <section className="card overflow-x-auto" aria-label="Assignments of the course">
        <p className="mb-3 text-sm text-slate-600">Times in the course&apos;s time zone, {timeZone}.</p>
        {rows.length === 0 ? (
          <p className="text-slate-600">No assignments yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">Title</th>
                <th className="py-2 pr-3 font-medium">Opens</th>
                <th className="py-2 pr-3 font-medium">Due</th>
                <th className="py-2 pr-3 font-medium">Hard close</th>
                <th className="py-2 pr-3 font-medium">Items</th>
                <th className="py-2 font-medium">State</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((a) => (
                <tr key={a.id} data-testid="assignment-row">
                  <td className="py-2 pr-3">
                    <Link href={`/courses/${course.id}/staff/assignments/${a.id}`} className="link">
                      <InlineMarkdown>{a.title}</InlineMarkdown>
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{when(a.opensAt)}</td>
                  <td className="py-2 pr-3">{when(a.dueAt)}</td>
                  <td className="py-2 pr-3">{when(a.hardCloseAt)}</td>
                  <td className="py-2 pr-3">{a.itemCount}</td>
                  <td className="py-2">{a.published ? 'Published' : 'Draft'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
