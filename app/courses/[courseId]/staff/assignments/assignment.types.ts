import { z } from 'zod';
import { firstFieldErrors } from '@/app/_lib/form-state.shared';
import type { AssignmentDraft } from '@/db/services/assignments/save-assignment';
import { zonedLocalToDate } from './zoned-time.shared';

const ItemSchema = z.object({
  kind: z.enum(['exercise', 'quiz']),
  targetId: z.string().min(1).max(200),
  points: z.number('Enter points for every item.').positive('Points must be more than 0.').max(10_000),
  maxAttempts: z.number().int('Attempts must be a whole number.').min(1, 'Allow at least one attempt.').max(1000).nullable(),
  feedback: z.enum(['immediate', 'after_due']),
});

const optionalLocal = z
  .string()
  .trim()
  .max(40)
  .transform((v) => v || null);

const FormSchema = z.object({
  courseId: z.uuid(),
  assignmentId: z.union([z.uuid(), z.literal('')]).transform((v) => v || null),
  title: z.string().trim().min(1, 'Give the assignment a title.').max(200, 'At most 200 characters.'),
  description: z.string().max(20_000, 'At most 20,000 characters.'),
  opensAt: optionalLocal,
  dueAt: optionalLocal,
  hardCloseAt: optionalLocal,
  latePenaltyPercent: z.coerce.number('Enter a percentage.').min(0, 'Between 0 and 100 %.').max(100, 'Between 0 and 100 %.'),
  items: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The item list could not be read; reload the page.' });
        return z.NEVER;
      }
    })
    .pipe(z.array(ItemSchema).max(100, 'At most 100 items.')),
});

type ParseResult = { ok: true; data: AssignmentDraft } | { ok: false; fieldErrors: Partial<Record<string, string>> };

/**
 * The assignment form, with its datetime-local values read as wall-clock times of the course's
 * zone, and the deadline order the submission window relies on (opens < due ≤ hard close).
 */
export function parseAssignmentForm(formData: FormData, timeZone: string): ParseResult {
  const parsed = FormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, fieldErrors: firstFieldErrors(parsed.error) };
  const { latePenaltyPercent, ...fields } = parsed.data;
  const fieldErrors: Partial<Record<string, string>> = {};
  const toDate = (name: 'opensAt' | 'dueAt' | 'hardCloseAt') => {
    const local = fields[name];
    if (local === null) return null;
    const date = zonedLocalToDate(local, timeZone);
    if (!date) fieldErrors[name] = `Not a valid time in ${timeZone} (clocks may skip this hour).`;
    return date;
  };
  const [opensAt, dueAt, hardCloseAt] = [toDate('opensAt'), toDate('dueAt'), toDate('hardCloseAt')];
  if (opensAt && dueAt && opensAt >= dueAt) fieldErrors.dueAt ??= 'The due date must be after the opening date.';
  if (hardCloseAt && !dueAt && !fieldErrors.dueAt) fieldErrors.dueAt = 'A hard close needs a due date.';
  if (hardCloseAt && dueAt && hardCloseAt < dueAt) fieldErrors.hardCloseAt ??= 'The hard close cannot be before the due date.';
  if (latePenaltyPercent > 0 && !dueAt && !fieldErrors.dueAt) fieldErrors.dueAt = 'A late penalty needs a due date.';
  const keys = fields.items.map((i) => `${i.kind}:${i.targetId}`);
  if (new Set(keys).size !== keys.length) fieldErrors.items = 'Each exercise or quiz can appear only once.';
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, data: { ...fields, opensAt, dueAt, hardCloseAt, latePenaltyPerDay: latePenaltyPercent / 100 } };
}

export const PublishSchema = z.object({ courseId: z.uuid(), assignmentId: z.uuid(), published: z.enum(['true', 'false']) });

export const ExtensionSchema = z.object({ courseId: z.uuid(), assignmentId: z.uuid(), userId: z.uuid('Choose a student.'), dueAt: z.string().min(1, 'Choose the new due date.') });

export const RevokeExtensionSchema = z.object({ courseId: z.uuid(), assignmentId: z.uuid(), userId: z.uuid() });
