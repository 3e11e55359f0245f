'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { refusalMessage } from '@/app/_lib/refusal';
import { echoValues, firstFieldErrors, type FormState } from '@/app/_lib/form-state.shared';
import { selectCourseTimeZone } from '@/db/queries/assignment-admin';
import { grantExtension, revokeExtension } from '@/db/services/assignments/extensions';
import { setAssignmentPublished } from '@/db/services/assignments/publish-assignment';
import { saveAssignment } from '@/db/services/assignments/save-assignment';
import { ExtensionSchema, parseAssignmentForm, PublishSchema, RevokeExtensionSchema } from './assignment.types';
import { pastDueRefusal } from './assignment-warnings.shared';
import { zonedLocalToDate } from './zoned-time.shared';

const base = (courseId: string) => `/courses/${courseId}/staff/assignments`;

/** Refusals the instructor can act on become a form message; anything else is a real error. */
async function attempt<T>(work: Promise<T>): Promise<{ value: T; formError?: undefined } | { formError: string }> {
  try {
    return { value: await forbiddenOnRefusal(work) };
  } catch (error) {
    const message = refusalMessage(error);
    if (message) return { formError: message };
    throw error;
  }
}

export async function saveAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const courseId = String(formData.get('courseId') ?? '');
  const { user } = await requireCapability(courseId, 'assignments.manage', base(courseId));
  const parsed = parseAssignmentForm(formData, await selectCourseTimeZone(courseId));
  const values = echoValues(formData);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, values };
  const pastDue = pastDueRefusal(parsed.data.dueAt, formData, new Date());
  if (pastDue) return { fieldErrors: { confirmPastDue: pastDue }, values };
  const saved = await attempt(saveAssignment(user.id, parsed.data));
  if (saved.formError !== undefined) return { formError: saved.formError, values };
  revalidatePath(`/courses/${courseId}`, 'layout');
  if (!parsed.data.assignmentId) redirect(`${base(courseId)}/${saved.value.id}`);
  return { notice: 'Assignment saved.' };
}

export async function setPublishedAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = PublishSchema.safeParse(Object.fromEntries(formData));
  // Only tampered forms fail here; answer like an unknown course so nothing is revealed.
  if (!parsed.success) notFound();
  const { courseId, assignmentId } = parsed.data;
  const published = parsed.data.published === 'true';
  const { user } = await requireCapability(courseId, 'assignments.manage', base(courseId));
  const { formError } = await attempt(setAssignmentPublished({ actorId: user.id, courseId, assignmentId, published }));
  if (formError !== undefined) return { formError };
  revalidatePath(`/courses/${courseId}`, 'layout');
  return { notice: published ? 'Published: students see it once it opens.' : 'Unpublished: hidden from students; their work is kept.' };
}

export async function grantExtensionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = ExtensionSchema.safeParse(Object.fromEntries(formData));
  const values = echoValues(formData);
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error), values };
  const { courseId, assignmentId, userId } = parsed.data;
  const { user } = await requireCapability(courseId, 'assignments.manage', base(courseId));
  const timeZone = await selectCourseTimeZone(courseId);
  const dueAt = zonedLocalToDate(parsed.data.dueAt, timeZone);
  if (!dueAt) return { fieldErrors: { dueAt: `Not a valid time in ${timeZone}.` }, values };
  const { formError } = await attempt(grantExtension({ actorId: user.id, courseId, assignmentId, userId, dueAt }));
  if (formError !== undefined) return { formError, values };
  revalidatePath(`/courses/${courseId}`, 'layout');
  return { notice: 'Extension granted.' };
}

export async function revokeExtensionAction(formData: FormData): Promise<void> {
  const parsed = RevokeExtensionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { courseId, assignmentId, userId } = parsed.data;
  const { user } = await requireCapability(courseId, 'assignments.manage', base(courseId));
  await forbiddenOnRefusal(revokeExtension({ actorId: user.id, courseId, assignmentId, userId }));
  revalidatePath(`/courses/${courseId}`, 'layout');
}
