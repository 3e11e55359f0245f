import type { SubmissionStatus } from '@/app/api/submissions/submission.shared';

/** One past submission in the history list (plain data, built by the page from its own query). */
export type HistoryEntry = {
  id: string;
  attempt: number;
  status: SubmissionStatus;
  score: number | null;
  isLate: boolean;
  createdAt: string;
  code: string;
};

/** What the student should know before pressing Submit. */
export type SubmitInfo = {
  open: boolean;
  late: boolean;
  reason: string | null;
  maxAttempts: number | null;
  dueAt: string | null;
  latePenaltyPerDay: number;
  /** Set while scores and hidden-test results wait for the due date (the item's feedback setting). */
  feedbackHeldUntil: string | null;
};
