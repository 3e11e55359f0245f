import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { selectAssignableContent, selectAssignmentForEdit, selectCourseStudents, selectCourseTimeZone } from '@/db/queries/assignment-admin';
import { AssignmentForm } from '../assignment-form';
import { ExtensionsPanel } from '../extensions-panel';
import { PublishForm } from '../publish-form';
import { dateToZonedLocal } from '../zoned-time.shared';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { formatDateTime } from '@/app/_lib/format-date.shared';

export const metadata: Metadata = { title: 'Edit assignment' };

type Params = Promise<{ courseId: string; assignmentId: string }>;

export default async function EditAssignmentPage({ params }: { params: Params }) {
  const { courseId, assignmentId } = await params;
  const { user, course } = await requireCapability(courseId, 'assignments.manage', `/courses/${courseId}/staff/assignments/${assignmentId}`);
  const [loaded, catalogue, students, timeZone] = await Promise.all([
    forbiddenOnRefusal(selectAssignmentForEdit(user.id, course.id, assignmentId)),
    forbiddenOnRefusal(selectAssignableContent(user.id, course.id)),
    forbiddenOnRefusal(selectCourseStudents(user.id, course.id)),
    selectCourseTimeZone(course.id),
  ]);
  if (!loaded) notFound();
  const { assignment, items, extensions } = loaded;
  const local = (date: Date | null) => (date ? dateToZonedLocal(date, timeZone) : '');
  const initial = {
    assignmentId: assignment.id,
    title: assignment.title,
    description: assignment.description,
    opensAt: local(assignment.opensAt),
    dueAt: local(assignment.dueAt),
    hardCloseAt: local(assignment.hardCloseAt),
    // Rounded so 0.1 shows as "10", not "10.000000000000002".
    latePenaltyPercent: String(Math.round(assignment.latePenaltyPerDay * 1e6) / 1e4),
    items: items.map((item) => ({
      kind: item.kind,
      targetId: item.targetId,
      title: item.title,
      points: String(item.points),
      maxAttempts: item.maxAttempts === null ? '' : String(item.maxAttempts),
      feedback: item.feedback,
      workCount: item.workCount,
    })),
  };
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/courses/${course.id}/staff/assignments`} className="link">
          {course.title} · Assignments
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">
        <InlineMarkdown>{assignment.title}</InlineMarkdown>
      </h1>
      <div className="card">
        <PublishForm courseId={course.id} assignmentId={assignment.id} published={assignment.published} />
      </div>
      <AssignmentForm courseId={course.id} timeZone={timeZone} catalogue={catalogue} initial={initial} />
      <ExtensionsPanel
        courseId={course.id}
        assignmentId={assignment.id}
        timeZone={timeZone}
        students={students}
        extensions={extensions.map((e) => ({ userId: e.userId, name: e.name, email: e.email, dueLabel: formatDateTime(e.dueAt, timeZone) }))}
      />
    </div>
  );
}
