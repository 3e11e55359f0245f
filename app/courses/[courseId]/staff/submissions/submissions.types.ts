import { z } from 'zod';
import { BROWSER_KINDS, BROWSER_SORTS, BROWSER_STATUSES } from '@/db/queries/staff-submissions';

// Query-string filters of the browser: anything malformed falls back to "no filter" rather than an error page.
const optionalId = z.uuid().optional().catch(undefined);

export const BrowserParamsSchema = z.object({
  kind: z.enum(BROWSER_KINDS).catch('exercise'),
  assignmentId: optionalId,
  itemId: optionalId,
  student: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(BROWSER_STATUSES).optional().catch(undefined),
  sort: z.enum(BROWSER_SORTS).catch('newest'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export const OverrideSchema = z.object({
  courseId: z.uuid(),
  targetKind: z.enum(['submission', 'quiz_attempt']),
  targetId: z.uuid(),
  newScore: z.coerce.number({ error: 'Enter a number of points.' }).min(0, 'Points cannot be negative.'),
  reason: z.string().trim().min(3, 'Say why (at least a few words): it goes into the audit trail.').max(2000),
  comment: z.string().trim().max(2000).optional(),
  // A checkbox: present ("on") only when the grader confirmed a score below the best attempt's.
  confirmLower: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
});

export const STATUS_LABELS: Record<(typeof BROWSER_STATUSES)[number], string> = {
  graded: 'Graded',
  needs_review: 'Needs review (quizzes)',
  pending: 'Queued or grading',
  failed: 'Failed or grader error',
  late: 'Late',
};

export const SORT_LABELS: Record<(typeof BROWSER_SORTS)[number], string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  score_desc: 'Highest score',
  score_asc: 'Lowest score',
};
