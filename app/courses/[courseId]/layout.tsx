import type { ReactNode } from 'react';
import { CourseTimeZone } from '@/app/_components/course-time';
import { selectCourseTimeZone } from '@/db/queries/assignment-admin';
import { isUuid } from '@/db/queries/ids';

// Every date under a course is shown in the course's time zone (not a secret; each page still checks membership).
export default async function CourseLayout({ children, params }: { children: ReactNode; params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const timeZone = isUuid(courseId) ? await selectCourseTimeZone(courseId) : 'UTC';
  return <CourseTimeZone timeZone={timeZone}>{children}</CourseTimeZone>;
}
