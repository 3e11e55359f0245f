'use client';

import { useCallback, useState, type RefObject } from 'react';
import type { PublicSubmission } from '@/app/api/submissions/submission.shared';
import { syntaxMarker, type EditorMarker } from './syntax-error.shared';
import type { HistoryEntry } from './types.shared';
import { useSubmissionPoll } from './use-submission-poll';
import { formatPercent } from '@/app/_lib/format-percent.shared';

/**
 * Submit and the submission history: posts the code, follows the newest submission until it is
 * graded (also the one shown again after a reload), and keeps the history's rows up to date.
 */
export function useSubmissions(options: {
  itemId: string;
  initialHistory: HistoryEntry[];
  codeRef: RefObject<string>;
  saveNow: () => Promise<unknown>;
  onSyntax: (at: EditorMarker | null) => void;
  announce: (text: string) => void;
}) {
  const { itemId, initialHistory, codeRef, saveNow, onSyntax, announce } = options;
  const [history, setHistory] = useState(initialHistory);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [polling, setPolling] = useState<string | null>(initialHistory[0]?.id ?? null);

  const onSubmissionUpdate = useCallback(
    (s: PublicSubmission) => {
      setHistory((list) => list.map((h) => (h.id === s.id ? { ...h, status: s.status, score: s.score, isLate: s.isLate } : h)));
      if (s.report) onSyntax(syntaxMarker(s.report.tests));
      if (s.status === 'graded' && s.score !== null) announce(`Attempt ${s.attempt} graded: ${formatPercent(s.score)}.`);
      else if (s.status === 'graded') announce(`Attempt ${s.attempt} graded; your score is shown after the due date.`);
      else if (s.status === 'error' || s.status === 'failed') announce(`Attempt ${s.attempt} could not be graded.`);
      else if (s.status === 'grading') announce(`Attempt ${s.attempt} is being graded.`);
    },
    [onSyntax, announce],
  );
  const poll = useSubmissionPoll(polling, onSubmissionUpdate);

  const submit = useCallback(async () => {
    setSubmitting(true);
    setSubmitError(null);
    const text = codeRef.current;
    void saveNow();
    try {
      const response = await fetch('/api/submissions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ itemId, code: text }) });
      const body = (await response.json().catch(() => ({}))) as { submissionId?: string; attempt?: number; isLate?: boolean; error?: string };
      if (!response.ok || !body.submissionId) throw new Error(body.error ?? `The server answered ${response.status}.`);
      const entry: HistoryEntry = { id: body.submissionId, attempt: body.attempt ?? 0, status: 'queued', score: null, isLate: Boolean(body.isLate), createdAt: new Date().toISOString(), code: text };
      setHistory((list) => [entry, ...list]);
      setPolling(body.submissionId);
      announce(`Attempt ${entry.attempt} submitted and queued for grading.`);
    } catch (error) {
      setSubmitError((error as Error).message);
      announce(`Not submitted: ${(error as Error).message}`);
    } finally {
      setSubmitting(false);
    }
  }, [itemId, saveNow, codeRef, announce]);

  const inFlight = poll.submission ? !['graded', 'error', 'failed'].includes(poll.submission.status) : polling !== null;
  return { history, poll, polling, inFlight, submit, submitting, submitError };
}
