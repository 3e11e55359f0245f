import type { Metadata } from 'next';
import Link from 'next/link';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { selectAssignableContent, selectCourseTimeZone } from '@/db/queries/assignment-admin';
import { AssignmentForm } from '../assignment-form';

export const metadata: Metadata = { title: 'New assignment' };

const EMPTY = { assignmentId: '', title: '', description: '', opensAt: '', dueAt: '', hardCloseAt: '', latePenaltyPercent: '0', items: [] };

export default async function NewAssignmentPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { user, course } = await requireCapability(courseId, 'assignments.manage', `/courses/${courseId}/staff/assignments/new`);
  const [catalogue, timeZone] = await Promise.all([forbiddenOnRefusal(selectAssignableContent(user.id, course.id)), selectCourseTimeZone(course.id)]);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/courses/${course.id}/staff/assignments`} className="link">
          {course.title} · Assignments
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">New assignment</h1>
      <p className="text-sm text-slate-600">It is saved as a draft; publish it from its page when it is ready.</p>
      <AssignmentForm courseId={course.id} timeZone={timeZone} catalogue={catalogue} initial={EMPTY} />
    </div>
  );
}
