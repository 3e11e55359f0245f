'use server';

import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import type { FormState } from '@/app/_lib/form-state.shared';
import { refusalMessage } from '@/app/_lib/refusal';
import { acceptRegrade, discardRegrade, startRegrade } from '@/db/services/regrade';
import { DecideRegradeSchema, StartRegradeSchema } from './regrades.types';

const pathOf = (courseId: string) => `/courses/${courseId}/staff/regrades`;

export async function startRegradeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = StartRegradeSchema.safeParse(Object.fromEntries(formData));
  // The form only offers valid choices; anything else was tampered with.
  if (!parsed.success) notFound();
  const { courseId, exerciseId, userId } = parsed.data;
  const { user } = await requireCapability(courseId, 'regrade.run', pathOf(courseId));
  try {
    const { total } = await forbiddenOnRefusal(startRegrade({ actorId: user.id, courseId, exerciseId, userId }));
    revalidatePath(pathOf(courseId));
    return { notice: `Regrading ${total} submission${total === 1 ? '' : 's'}.` };
  } catch (error) {
    const message = refusalMessage(error);
    if (message) return { formError: message };
    throw error;
  }
}

export async function decideRegradeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = DecideRegradeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { courseId, runId, decision } = parsed.data;
  const { user } = await requireCapability(courseId, 'regrade.decide', pathOf(courseId));
  try {
    if (decision === 'accept') {
      const { applied } = await forbiddenOnRefusal(acceptRegrade(user.id, courseId, runId));
      revalidatePath(`/courses/${courseId}`, 'layout');
      return { notice: `Accepted: ${applied} submission${applied === 1 ? '' : 's'} updated.` };
    }
    await forbiddenOnRefusal(discardRegrade(user.id, courseId, runId));
    revalidatePath(pathOf(courseId));
    return { notice: 'Discarded: no score changed.' };
  } catch (error) {
    const message = refusalMessage(error);
    if (message) return { formError: message };
    throw error;
  }
}
