'use server';

import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { echoValues, firstFieldErrors, type FormState } from '@/app/_lib/form-state.shared';
import { refusalMessage } from '@/app/_lib/refusal';
import { isRefusal } from '@/db/queries/errors';
import { overrideScore } from '@/db/services/override-score';
import { OverrideSchema } from './submissions.types';

export async function overrideScoreAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const courseId = String(formData.get('courseId') ?? '');
  const parsed = OverrideSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors = firstFieldErrors(parsed.error);
    // Hidden fields only fail when the form was tampered with: answer like an unknown course.
    if (fieldErrors.courseId || fieldErrors.targetId || fieldErrors.targetKind) notFound();
    return { fieldErrors, values: echoValues(formData) };
  }
  const { targetKind, targetId, newScore, reason, comment, confirmLower } = parsed.data;
  const { user } = await requireCapability(courseId, 'scores.override', `/courses/${courseId}/staff/submissions`);
  try {
    await forbiddenOnRefusal(overrideScore({ actorId: user.id, courseId, target: { kind: targetKind, id: targetId }, newScore, reason, comment, confirmLower }));
  } catch (error) {
    if (isRefusal(error, 'needs-confirmation')) return { fieldErrors: { confirmLower: error.message }, values: echoValues(formData) };
    const message = refusalMessage(error);
    if (message) return { formError: message, values: echoValues(formData) };
    throw error;
  }
  revalidatePath(`/courses/${courseId}`, 'layout');
  return { notice: `The item's final score is now ${newScore} points.` };
}
