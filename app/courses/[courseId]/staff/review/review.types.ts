import { z } from 'zod';
import { QUEUE_FILTERS } from '@/db/queries/review-queue';

export const FilterSchema = z.enum(QUEUE_FILTERS).catch('mine');

/** The queue page's tab: none (or a malformed one) opens where answers wait (defaultQueueFilter). */
export const QueueTabSchema = z.enum(QUEUE_FILTERS).optional().catch(undefined);

export const ClaimSchema = z.object({ courseId: z.uuid(), count: z.coerce.number().int().min(1).max(50) });

export const GradeSchema = z.object({
  courseId: z.uuid(),
  attemptId: z.uuid(),
  questionId: z.string().min(1).max(100),
  points: z.coerce.number({ error: 'Enter the points.' }).min(0, 'Points cannot be negative.'),
  concepts: z.array(z.string().max(100)).max(50),
  comment: z.string().trim().max(2000).optional(),
  /** Where "Save & next" goes; checked to stay inside this course's review queue. */
  next: z.string().max(500),
});

export const reviewPath = (courseId: string, key?: { attemptId: string; questionId: string }, filter?: string) =>
  `/courses/${courseId}/staff/review${key ? `/${key.attemptId}/${encodeURIComponent(key.questionId)}` : ''}${filter ? `?filter=${filter}` : ''}`;
