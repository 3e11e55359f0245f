import type { Metadata } from 'next';
import Link from 'next/link';
import { RoleBadge } from '@/app/_components/role-badge';
import { requireCapability } from '@/app/_lib/authz';
import { can } from '@/db/permissions';
import { selectStudentCourseItems } from '@/db/queries/student-items';
import { selectOwnFinalScores } from '@/db/queries/student-feedback';
import { selectOwnScores } from '@/db/queries/scores';
import { AssignmentList } from './assignment-list';

export const metadata: Metadata = { title: 'Course' };

export default async function CoursePage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { user, course } = await requireCapability(courseId, 'course.view', `/courses/${courseId}`);
  const items = await selectStudentCourseItems(user.id, course.id);
  const [finals, own] = await Promise.all([
    selectOwnFinalScores(
      user.id,
      items.map((i) => i.itemId),
    ),
    selectOwnScores(user.id, course.id),
  ]);
  const scores = new Map(own.scores.map((s) => [s.itemId, s]));
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/courses" className="link">
          Your courses
        </Link>
      </nav>
      <header className="card flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{course.title}</h1>
          <p className="text-slate-500">{course.code}</p>
        </div>
        <p className="flex items-center gap-2 text-sm text-slate-700">
          Your role: <RoleBadge role={course.role} />
        </p>
      </header>
      {can(course.role, 'staff.view') && (
        <Link href={`/courses/${course.id}/staff`} className="btn-primary">
          Staff area
        </Link>
      )}
      <section className="card" aria-labelledby="assignments-heading">
        <h2 id="assignments-heading" className="text-lg font-semibold">
          Assignments
        </h2>
        <AssignmentList courseId={course.id} items={items} finals={finals} scores={scores} />
      </section>
    </div>
  );
}
