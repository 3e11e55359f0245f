'use server';

import { notFound } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { regenerateJoinCode, updateEnrollmentRole } from '@/db/queries/courses';
import { isRefusal } from '@/db/queries/errors';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import type { FormState } from '@/app/_lib/form-state.shared';
import { ROLE_LABELS } from '@/app/_lib/roles.shared';
import { ChangeRoleSchema, RegenerateJoinCodeSchema } from './staff.types';

export async function changeMemberRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = ChangeRoleSchema.safeParse(Object.fromEntries(formData));
  // Only tampered forms fail here; answer like an unknown course so nothing is revealed.
  if (!parsed.success) notFound();
  const { courseId, userId, role } = parsed.data;
  const { user } = await requireCapability(courseId, 'members.manage', `/courses/${courseId}/staff`);

  try {
    await forbiddenOnRefusal(updateEnrollmentRole({ actorId: user.id, courseId, userId, role }));
  } catch (error) {
    if (isRefusal(error, 'conflict')) return { formError: error.message };
    throw error;
  }
  revalidatePath(`/courses/${courseId}`, 'layout');
  return { notice: `Saved: ${ROLE_LABELS[role]}.` };
}

export async function regenerateCourseJoinCodeAction(formData: FormData): Promise<void> {
  const parsed = RegenerateJoinCodeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { courseId } = parsed.data;
  const { user } = await requireCapability(courseId, 'course.settings', `/courses/${courseId}/staff`);
  await forbiddenOnRefusal(regenerateJoinCode(user.id, courseId));
  revalidatePath(`/courses/${courseId}/staff`);
}
