export const STATUS_LABELS = { in_progress: 'in progress', submitted: 'submitted', needs_review: 'awaiting review', graded: 'graded' } as const;

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function formatDate(date: Date | string): string {
  return `${dateFormat.format(new Date(date))} UTC`;
}
