'use server';

import { forbidden, redirect } from 'next/navigation';
import { insertCourse, insertEnrollmentByJoinCode, selectCanCreateCourses } from '@/db/queries/courses';
import { forbiddenOnRefusal, requireUser } from '@/app/_lib/authz';
import { echoValues, firstFieldErrors, type FormState } from '@/app/_lib/form-state.shared';
import { CreateCourseSchema, JoinCourseSchema } from './courses.types';

export async function joinCourseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser('/courses');
  const values = echoValues(formData);
  const parsed = JoinCourseSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error), values };

  const enrollment = await insertEnrollmentByJoinCode(user.id, parsed.data.joinCode);
  if (!enrollment) return { fieldErrors: { joinCode: 'No course has this join code. Check it with your instructor.' }, values };
  redirect(`/courses/${enrollment.courseId}`);
}

export async function createCourseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser('/courses');
  // The form is hidden from users who may not create courses, but a hand-made POST still arrives here.
  if (!(await selectCanCreateCourses(user.id))) forbidden();
  const values = echoValues(formData);
  const parsed = CreateCourseSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error), values };

  const course = await forbiddenOnRefusal(insertCourse({ actorId: user.id, ...parsed.data }));
  redirect(`/courses/${course.id}/staff`);
}
