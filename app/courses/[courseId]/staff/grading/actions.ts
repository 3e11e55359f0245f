'use server';

import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { retryGrading } from '@/db/services/retry-grading';

const RetrySchema = z.object({ courseId: z.uuid(), submissionId: z.uuid() });

export async function retryGradingAction(formData: FormData): Promise<void> {
  const parsed = RetrySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { courseId, submissionId } = parsed.data;
  const { user } = await requireCapability(courseId, 'grading.retry', `/courses/${courseId}/staff/grading`);
  await forbiddenOnRefusal(retryGrading(user.id, submissionId));
  revalidatePath(`/courses/${courseId}/staff/grading`);
}
