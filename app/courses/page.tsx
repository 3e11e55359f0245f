import type { Metadata } from 'next';
import Link from 'next/link';
import { selectCanCreateCourses, selectCoursesForUser } from '@/db/queries/courses';
import { RoleBadge } from '@/app/_components/role-badge';
import { requireUser } from '@/app/_lib/authz';
import { CreateCourseForm } from './create-course-form';
import { JoinCourseForm } from './join-course-form';

export const metadata: Metadata = { title: 'Your courses' };

export default async function CoursesPage() {
  const user = await requireUser('/courses');
  const [courses, canCreateCourses] = await Promise.all([selectCoursesForUser(user.id), selectCanCreateCourses(user.id)]);
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <section aria-labelledby="courses-heading">
        <h1 id="courses-heading" className="mb-4 text-2xl font-semibold">
          Your courses
        </h1>
        {courses.length === 0 ? (
          <p className="card text-slate-600">You are not in any course yet. Join one with the code your instructor gave you.</p>
        ) : (
          <ul className="space-y-3">
            {courses.map((course) => (
              <li key={course.id}>
                <Link href={`/courses/${course.id}`} className="card flex items-center justify-between gap-4 transition hover:border-indigo-300 hover:shadow">
                  <span>
                    <span className="block font-semibold text-slate-900">{course.title}</span>
                    <span className="block text-sm text-slate-500">{course.code}</span>
                  </span>
                  <RoleBadge role={course.role} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside className="space-y-6">
        <div className="card">
          <JoinCourseForm />
        </div>
        {canCreateCourses && (
          <div className="card">
            <CreateCourseForm />
          </div>
        )}
      </aside>
    </div>
  );
}
