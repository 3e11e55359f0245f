import type { CourseRole } from '@/db/permissions';
import { ROLE_LABELS } from '@/app/_lib/roles.shared';

const ROLE_COLOURS: Record<CourseRole, string> = {
  student: 'bg-sky-50 text-sky-800 ring-sky-200',
  grader: 'bg-amber-50 text-amber-800 ring-amber-200',
  instructor: 'bg-violet-50 text-violet-800 ring-violet-200',
};

export function RoleBadge({ role }: { role: CourseRole }) {
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${ROLE_COLOURS[role]}`}>{ROLE_LABELS[role]}</span>;
}
