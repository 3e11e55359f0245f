import Link from 'next/link';

type Section = { href: string; label: string; description: string; instructorsOnly?: boolean };

// One list so every staff area is reachable from the staff home; each page still checks roles itself.
const SECTIONS: readonly Section[] = [
  { href: 'assignments', label: 'Assignments', description: 'Items, deadlines, late policy, extensions, publishing', instructorsOnly: true },
  { href: 'content', label: 'Exercises & quizzes', description: 'Author, validate, publish, preview, import and export', instructorsOnly: true },
  { href: 'submissions', label: 'Submissions', description: 'Browse, filter and open every submission' },
  { href: 'review', label: 'Review queue', description: 'Short answers the machine was unsure of' },
  { href: 'gradebook', label: 'Gradebook', description: 'Students × items, totals, CSV export' },
  { href: 'analytics', label: 'Analytics', description: 'Score histograms, test pass rates, common failures, similarity' },
  { href: 'regrades', label: 'Regrades', description: 'Re-run submissions against the current version' },
  { href: 'audit', label: 'Audit trail', description: 'Every manual score change: who, when, why', instructorsOnly: true },
  { href: 'grading', label: 'Grading health', description: 'Failed or stuck gradings, with retry' },
];

export function StaffSections({ courseId, isInstructor }: { courseId: string; isInstructor: boolean }) {
  const visible = SECTIONS.filter((s) => isInstructor || !s.instructorsOnly);
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
