import Link from 'next/link';

// The audit trail is instructor-only (a grader makes overrides but does not audit them): the app-wide
// "only open to the course's staff" would tell a grader, who is staff, the wrong reason.
export default function AuditForbidden() {
  return (
    <div className="card mx-auto max-w-lg text-center">
      <h1 className="text-xl font-semibold">You don’t have access to this page</h1>
      <p className="mt-2 text-slate-600">The audit trail is only open to the course’s instructors. Ask an instructor if you need an entry from it.</p>
      <Link href="/courses" className="link mt-4 inline-block">
        Back to your courses
      </Link>
    </div>
  );
}
