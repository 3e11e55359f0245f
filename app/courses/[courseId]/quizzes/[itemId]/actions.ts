'use server';

import { notFound, redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { requireCapability } from '@/app/_lib/authz';
import type { FormState } from '@/app/_lib/form-state.shared';
import { startQuizAttempt } from '@/db/services/start-quiz-attempt';
import { submitQuizAttempt } from '@/db/services/submit-quiz-attempt';
import { isRefusal } from '@/db/queries/errors';
import { StartAttemptSchema, SubmitAttemptSchema } from './quiz.types';

// The services check enrolment, the published assignment, the window and the attempt limit; the
// role check here only decides who may be on the page at all.

export async function startQuizAttemptAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = StartAttemptSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { courseId, itemId } = parsed.data;
  const path = `/courses/${courseId}/quizzes/${itemId}`;
  const { user } = await requireCapability(courseId, 'course.view', path);
  try {
    await startQuizAttempt({ userId: user.id, itemId });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    if (error.code === 'not-found') notFound();
    return { formError: error.message };
  }
  revalidatePath(path);
  redirect(path);
}

export async function submitQuizAttemptAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = SubmitAttemptSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { courseId, itemId, attemptId } = parsed.data;
  const path = `/courses/${courseId}/quizzes/${itemId}`;
  const { user } = await requireCapability(courseId, 'course.view', path);
  try {
    await submitQuizAttempt({ userId: user.id, attemptId });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    if (error.code === 'not-found') notFound();
    // Submitted already (another tab): the results page says what happened.
    if (error.code !== 'already-submitted') return { formError: error.message };
  }
  revalidatePath(`/courses/${courseId}`, 'layout');
  redirect(`${path}/attempts/${attemptId}`);
}
