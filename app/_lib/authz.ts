import 'server-only';
import { cache } from 'react';
import { forbidden, notFound, redirect } from 'next/navigation';
import { auth } from '@/auth';
import { isRefusal } from '@/db/queries/errors';
import { selectCourseForMember, type MemberCourse } from '@/db/queries/courses';
import { selectUser, type PublicUser } from '@/db/queries/users';
import { can, type Capability } from '@/db/permissions';

/**
 * The signed-in user, re-read from the database on every request: a session token outlives
 * a deleted account, and the header should show the current name.
 */
export const getOptionalUser = cache(async (): Promise<PublicUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? selectUser(userId) : null;
});

/** `returnTo` is the path to come back to after signing in. */
export async function requireUser(returnTo: string): Promise<PublicUser> {
  const user = await getOptionalUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * Non-members get a 404 so a course id reveals nothing; members whose role lacks `capability` get a 403.
 * Both interrupt rendering before any course data is read.
 */
export async function requireCapability(courseId: string, capability: Capability, returnTo: string): Promise<{ user: PublicUser; course: MemberCourse }> {
  const user = await requireUser(returnTo);
  const course = await selectCourseForMember(user.id, courseId);
  if (!course) notFound();
  if (!can(course.role, capability)) forbidden();
  return { user, course };
}

/** The queries re-check roles; if one refuses (say, the role changed mid-request), answer 403 like the page check would. */
export async function forbiddenOnRefusal<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isRefusal(error, 'forbidden')) forbidden();
    throw error;
  }
}
