'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { firstFieldErrors, type FormState } from '@/app/_lib/form-state.shared';
import { claimReviewAnswers } from '@/db/queries/review-queue';
import { refusalMessage } from '@/app/_lib/refusal';
import { gradeAnswer } from '@/db/services/grade-answer';
import { ClaimSchema, GradeSchema, reviewPath } from './review.types';

/** "Take next N": claims unclaimed answers for this grader and opens the first. */
export async function claimAnswersAction(formData: FormData): Promise<void> {
  const parsed = ClaimSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { courseId, count } = parsed.data;
  const { user } = await requireCapability(courseId, 'reviews.grade', reviewPath(courseId));
  const claimed = await forbiddenOnRefusal(claimReviewAnswers(user.id, courseId, count));
  revalidatePath(reviewPath(courseId));
  redirect(claimed[0] ? reviewPath(courseId, claimed[0], 'mine') : reviewPath(courseId, undefined, 'mine'));
}

export async function gradeAnswerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = GradeSchema.safeParse({ ...Object.fromEntries(formData), concepts: formData.getAll('concepts') });
  if (!parsed.success) {
    const fieldErrors = firstFieldErrors(parsed.error);
    if (!fieldErrors.points && !fieldErrors.comment) notFound();
    return { fieldErrors };
  }
  const { courseId, attemptId, questionId, points, concepts, comment, next } = parsed.data;
  const { user } = await requireCapability(courseId, 'reviews.grade', reviewPath(courseId));
  try {
    await forbiddenOnRefusal(gradeAnswer({ actorId: user.id, courseId, attemptId, questionId, points, concepts, comment }));
  } catch (error) {
    const message = refusalMessage(error);
    if (message) return { formError: message };
    throw error;
  }
  revalidatePath(`/courses/${courseId}`, 'layout');
  // Only a path inside this course's queue: the hidden field is user input like any other.
  redirect(next.startsWith(reviewPath(courseId)) ? next : reviewPath(courseId));
}
