import type { Metadata } from 'next';
import Link from 'next/link';
import { selectCourseMembers, selectJoinCode } from '@/db/queries/courses';
import { RoleBadge } from '@/app/_components/role-badge';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { can, COURSE_ROLES } from '@/db/permissions';
import { JoinCodePanel } from './join-code-panel';
import { MemberRoleForm } from './member-role-form';
import { StaffSections } from './staff-sections';

export const metadata: Metadata = { title: 'Staff area' };

export default async function StaffPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { user, course } = await requireCapability(courseId, 'staff.view', `/courses/${courseId}/staff`);
  const [members, joinCode] = await Promise.all([
    forbiddenOnRefusal(selectCourseMembers(user.id, course.id)),
    can(course.role, 'course.settings') ? forbiddenOnRefusal(selectJoinCode(user.id, course.id)) : null,
  ]);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/courses/${course.id}`} className="link">
          {course.title}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">Staff area</h1>
      <StaffSections courseId={course.id} role={course.role} />
      {joinCode && <JoinCodePanel courseId={course.id} joinCode={joinCode} />}
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3 text-lg font-semibold">
          Members <span className="text-sm font-normal text-slate-500">({members.length})</span>
        </h2>
        <ul className="divide-y divide-slate-200">
          {members.map((member) => (
            <li key={member.userId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="member-row">
              <div className="min-w-0">
                <p className="font-medium">{member.name}</p>
                <p className="truncate text-sm text-slate-500">{member.email}</p>
              </div>
              {can(course.role, 'members.manage') ? (
                <MemberRoleForm courseId={course.id} userId={member.userId} memberName={member.name} role={member.role} roles={COURSE_ROLES} />
              ) : (
                <RoleBadge role={member.role} />
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
