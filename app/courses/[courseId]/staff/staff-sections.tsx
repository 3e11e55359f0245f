import Link from 'next/link';
import { can, type Capability, type CourseRole } from '@/db/permissions';

type Section = { href: string; label: string; description: string; capability: Capability };

// One list so every staff area is reachable from the staff home; each page still checks its capability itself.
const SECTIONS: readonly Section[] = [
  { href: 'assignments', label: 'Assignments', description: 'Items, deadlines, late policy, extensions, publishing', capability: 'assignments.manage' },
  { href: 'content', label: 'Exercises & quizzes', description: 'Author, validate, publish, preview, import and export', capability: 'content.publish' },
  { href: 'submissions', label: 'Submissions', description: 'Browse, filter and open every submission', capability: 'submissions.view-all' },
  { href: 'review', label: 'Review queue', description: 'Short answers the machine was unsure of', capability: 'reviews.grade' },
  { href: 'gradebook', label: 'Gradebook', description: 'Students × items, totals, CSV export', capability: 'gradebook.view' },
  { href: 'analytics', label: 'Analytics', description: 'Score histograms, test pass rates, common failures, similarity', capability: 'analytics.view' },
  { href: 'regrades', label: 'Regrades', description: 'Re-run submissions against the current version', capability: 'regrade.run' },
  { href: 'audit', label: 'Audit trail', description: 'Every manual score change: who, when, why', capability: 'audit.view' },
  { href: 'grading', label: 'Grading health', description: 'Failed or stuck gradings, with retry', capability: 'grading.retry' },
  { href: 'lms', label: 'LMS connection', description: 'LTI 1.3: tool URLs, platforms, grades sent to the LMS', capability: 'lms.manage' },
];

export function StaffSections({ courseId, role }: { courseId: string; role: CourseRole }) {
  const visible = SECTIONS.filter((s) => can(role, s.capability));
  return (
    <nav aria-label="Staff sections">
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {visible.map((s) => (
          <li key={s.href}>
            <Link href={`/courses/${courseId}/staff/${s.href}`} className="card block h-full hover:border-slate-400">
              <span className="font-medium">{s.label}</span>
              <span className="mt-1 block text-sm text-slate-500">{s.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
