'use client';

import { useEffect, useState } from 'react';
import { isFinalStatus, type PublicSubmission } from '@/app/api/submissions/submission.shared';

const POLL_MS = 700;
const SLOW_AFTER_MS = 20_000;

export type PollState = { submission: PublicSubmission | null; slow: boolean; error: string | null };

/**
 * Follows one's own submission until its status is final: pushed by server-sent events
 * (/api/submissions/:id/events), and polled only once that stream drops or cannot open.
 */
export function useSubmissionPoll(submissionId: string | null, onUpdate: (s: PublicSubmission) => void): PollState {
  const [state, setState] = useState<PollState & { id: string | null }>({ id: null, submission: null, slow: false, error: null });

  useEffect(() => {
    if (!submissionId) return;
    let stopped = false;
    let final = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | undefined;
    // The stream is quiet while a job waits, so "taking longer than usual" comes from a timer, not from an update.
    const slowTimer = setTimeout(() => !stopped && !final && setState((s) => ({ ...s, id: submissionId, slow: true })), SLOW_AFTER_MS);
    const show = (body: PublicSubmission) => {
      final = isFinalStatus(body.status);
      if (final) clearTimeout(slowTimer);
      setState((s) => ({ id: submissionId, submission: body, slow: !final && s.id === submissionId && s.slow, error: null }));
      onUpdate(body);
    };
    const tick = async () => {
      try {
        const response = await fetch(`/api/submissions/${submissionId}`, { cache: 'no-store' });
        const body = (await response.json()) as PublicSubmission & { error?: string };
        if (stopped) return;
        if (!response.ok) throw new Error(body.error ?? `status ${response.status}`);
        show(body);
        if (final) return;
      } catch (error) {
        if (stopped) return;
        setState((s) => ({ ...s, id: submissionId, error: `Could not check the grading status (${(error as Error).message}); still trying.` }));
      }
      timer = setTimeout(tick, POLL_MS);
    };
    if (typeof EventSource === 'undefined') void tick();
    else {
      source = new EventSource(`/api/submissions/${submissionId}/events`);
      source.onmessage = (event) => {
        if (stopped) return;
        show(JSON.parse(event.data as string) as PublicSubmission);
        if (final) source?.close();
      };
      // A refusal, a proxy that buffers, a restarted server: EventSource would retry by itself, but
      // polling gives a status line with the reason; the server closing after 'final' lands here too.
      source.onerror = () => {
        source?.close();
        if (!stopped && !final) void tick();
      };
    }
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(timer);
      clearTimeout(slowTimer);
    };
  }, [submissionId, onUpdate]);

  return state.id === submissionId ? state : { submission: null, slow: false, error: null };
}
