'use server';

import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { firstFieldErrors, type FormState } from '@/app/_lib/form-state.shared';
import { isRefusal } from '@/db/queries/errors';
import { registerPlatform, retryFailedScoreSyncs, setPlatformEnabled } from '@/db/queries/lti';
import { CourseOnlySchema, PlatformToggleSchema, RegisterPlatformSchema } from './lms.types';

const pagePath = (courseId: string) => `/courses/${courseId}/staff/lms`;

export async function registerPlatformAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const raw = Object.fromEntries(formData) as Record<string, string>;
  const parsed = RegisterPlatformSchema.safeParse(raw);
  const { courseId, ...values } = raw;
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error), values };
  const { user } = await requireCapability(parsed.data.courseId, 'lms.manage', pagePath(parsed.data.courseId));
  try {
    await registerPlatform(user.id, parsed.data);
  } catch (error) {
    if (isRefusal(error) && error.code !== 'forbidden') return { formError: error.message, values };
    throw error;
  }
  revalidatePath(pagePath(courseId));
  return { notice: `Registered ${parsed.data.name}.` };
}

export async function setPlatformEnabledAction(formData: FormData): Promise<void> {
  const parsed = PlatformToggleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { user } = await requireCapability(parsed.data.courseId, 'lms.manage', pagePath(parsed.data.courseId));
  await forbiddenOnRefusal(setPlatformEnabled(user.id, parsed.data.platformId, parsed.data.enable === '1'));
  revalidatePath(pagePath(parsed.data.courseId));
}

export async function retryScoreSyncsAction(formData: FormData): Promise<void> {
  const parsed = CourseOnlySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { user } = await requireCapability(parsed.data.courseId, 'lms.manage', pagePath(parsed.data.courseId));
  await forbiddenOnRefusal(retryFailedScoreSyncs(user.id, parsed.data.courseId));
  revalidatePath(pagePath(parsed.data.courseId));
}
