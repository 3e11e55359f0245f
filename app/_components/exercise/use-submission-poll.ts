'use client';

import { useEffect, useState } from 'react';
import { isFinalStatus, type PublicSubmission } from '@/app/api/submissions/submission.shared';

const POLL_MS = 700;
const SLOW_AFTER_MS = 20_000;

export type PollState = { submission: PublicSubmission | null; slow: boolean; error: string | null };

/** Short polling of one's own submission until its status is final. */
export function useSubmissionPoll(submissionId: string | null, onUpdate: (s: PublicSubmission) => void): PollState {
  const [state, setState] = useState<PollState & { id: string | null }>({ id: null, submission: null, slow: false, error: null });

  useEffect(() => {
    if (!submissionId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = Date.now();
    const tick = async () => {
      try {
        const response = await fetch(`/api/submissions/${submissionId}`, { cache: 'no-store' });
        const body = (await response.json()) as PublicSubmission & { error?: string };
        if (stopped) return;
        if (!response.ok) throw new Error(body.error ?? `status ${response.status}`);
        const slow = !isFinalStatus(body.status) && Date.now() - started > SLOW_AFTER_MS;
        setState({ id: submissionId, submission: body, slow, error: null });
        onUpdate(body);
        if (isFinalStatus(body.status)) return;
      } catch (error) {
        if (stopped) return;
        setState((s) => ({ ...s, id: submissionId, error: `Could not check the grading status (${(error as Error).message}); still trying.` }));
      }
      timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [submissionId, onUpdate]);

  return state.id === submissionId ? state : { submission: null, slow: false, error: null };
}
