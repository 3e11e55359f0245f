import type { NextRequest } from 'next/server';
import { getOptionalUser } from '@/app/_lib/authz';
import { can } from '@/db/permissions';
import { selectCourseForMember } from '@/db/queries/courses';
import { selectGradebook } from '@/db/queries/gradebook';
import { gradebookCsv } from '../gradebook-csv';

/** Staff download of the gradebook; non-members get 404 (a course id reveals nothing), students 403. */
export async function GET(_request: NextRequest, ctx: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await ctx.params;
  const user = await getOptionalUser();
  if (!user) return new Response('Sign in to download the gradebook.', { status: 401 });
  const course = await selectCourseForMember(user.id, courseId);
  if (!course) return new Response('Not found.', { status: 404 });
  if (!can(course.role, 'gradebook.export')) return new Response('Only course staff can download the gradebook.', { status: 403 });
  const csv = gradebookCsv(await selectGradebook(user.id, course.id));
  const filename = `${course.code.replace(/[^\w.-]+/g, '_') || 'course'}-gradebook-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
