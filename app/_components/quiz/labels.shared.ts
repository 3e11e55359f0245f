export const STATUS_LABELS = { in_progress: 'in progress', submitted: 'submitted', needs_review: 'awaiting review', graded: 'graded' } as const;
