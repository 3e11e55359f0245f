import { zonedLocalToDate } from './zoned-time.shared';

// Warnings of the assignment editor: neither is an error (both have real uses), but both are easy to do by mistake.

/**
 * A due date in the past is allowed (a make-up assignment, a course set up after the fact) but must be confirmed:
 * students could then only submit late. Asked only when the due date changed, so re-saving an old assignment is quiet.
 */
export function pastDueRefusal(dueAt: Date | null, formData: FormData, now: Date): string | null {
  if (!dueAt || dueAt >= now) return null;
  if (String(formData.get('dueAt') ?? '') === String(formData.get('savedDueAt') ?? '')) return null;
  if (formData.get('confirmPastDue') === 'on') return null;
  return 'This due date is in the past: students could only submit late. Tick the box to save it anyway.';
}

/** The browser's live version of the same check, on the datetime-local text in the course's zone. */
export function isPastDue(local: string, savedLocal: string, timeZone: string, now: Date): boolean {
  if (!local || local === savedLocal) return false;
  const due = zonedLocalToDate(local, timeZone);
  return due !== null && due < now;
}

/** The other assignments of the course an item already belongs to (the one being edited left out). */
export function otherUses(usedIn: readonly { assignmentId: string; title: string }[], assignmentId: string): string[] {
  return usedIn.filter((u) => u.assignmentId !== assignmentId).map((u) => u.title);
}
