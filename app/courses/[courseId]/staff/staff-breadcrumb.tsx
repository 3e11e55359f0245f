import Link from 'next/link';

/** The link back to the staff home that every staff page opens with. */
export function StaffBreadcrumb({ course }: { course: { id: string; title: string } }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link href={`/courses/${course.id}/staff`} className="link">
        {course.title} · Staff area
      </Link>
    </nav>
  );
}
