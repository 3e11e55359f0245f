import type { Metadata } from 'next';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { selectGradebook } from '@/db/queries/gradebook';
import { GradebookTable } from './gradebook-table';
import { StaffBreadcrumb } from '../staff-breadcrumb';

export const metadata: Metadata = { title: 'Gradebook' };

export default async function GradebookPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { user, course } = await requireCapability(courseId, 'gradebook.view', `/courses/${courseId}/staff/gradebook`);
  const book = await forbiddenOnRefusal(selectGradebook(user.id, course.id));
  return (
    <div className="space-y-6">
      <StaffBreadcrumb course={course} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Gradebook</h1>
        {/* A plain link: the route answers with an attachment, so the browser downloads it. */}
        <a href={`/courses/${course.id}/staff/gradebook/export.csv`} className="btn-secondary" download>
          Download CSV
        </a>
      </div>
      <p className="text-sm text-slate-600">
        Published assignments, best attempt after the late penalty; a staff override replaces it. Markers: <strong>L</strong> late, <strong>O</strong> overridden, <strong>R</strong> pending review: a
        quiz attempt waits for a grader and counts nothing until reviewed (the student&apos;s course page says the same). — means nothing graded yet (0 in the total).
      </p>
      {book.rows.length === 0 || book.items.length === 0 ? <p className="card text-slate-600">No students or no published items yet.</p> : <GradebookTable courseId={course.id} book={book} />}
    </div>
  );
}
