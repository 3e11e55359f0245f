'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { isRetryableStatus, SaveRefused, type SaveState } from '@/app/_lib/autosaver';
import { useAutosaver } from '@/app/_lib/use-autosaver';
import type { DraftAnswer } from '@/db/services/quiz-attempt-view';

const DEBOUNCE_MS = 600;
const RETRY_MS = 5000;

type AutosaveContext = {
  answers: Record<string, DraftAnswer>;
  setAnswer(questionId: string, answer: DraftAnswer): void;
  /** Sends every pending answer now; resolves true when all are stored. */
  flush(): Promise<boolean>;
  state: SaveState;
  disabled: boolean;
};

const Context = createContext<AutosaveContext | null>(null);

export function useQuizAutosave(): AutosaveContext {
  const value = useContext(Context);
  if (!value) throw new Error('useQuizAutosave outside QuizAutosaveProvider');
  return value;
}

/**
 * Holds the attempt's answers and saves each one shortly after the student stops typing, so a
 * reload or a closed tab loses nothing; when the page is hidden, pending answers go out at once
 * with `keepalive`, which outlives the page.
 */
export function QuizAutosaveProvider(props: { saveUrl: string; attemptId: string; initialAnswers: Record<string, DraftAnswer>; disabled?: boolean; children: ReactNode }) {
  const { saveUrl, attemptId, disabled = false } = props;
  const [answers, setAnswers] = useState(props.initialAnswers);
  const post = (questionId: string, answer: DraftAnswer, keepalive: boolean) =>
    fetch(saveUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ attemptId, questionId, answer }), keepalive });
  const { saver, state } = useAutosaver<DraftAnswer>({
    debounceMs: DEBOUNCE_MS,
    retryMs: RETRY_MS,
    savedAt: null,
    async send(questionId, answer) {
      let response: Response;
      try {
        response = await post(questionId, answer, false);
      } catch {
        throw new Error('You seem to be offline; your answers will be saved when the connection returns.');
      }
      if (response.ok) return null;
      const body = (await response.json().catch(() => null)) as { error?: string } | null;
      const message = body?.error ?? `Saving failed (HTTP ${response.status}).`;
      throw isRetryableStatus(response.status) ? new Error(message) : new SaveRefused(message);
    },
    sendOnExit(questionId, answer) {
      post(questionId, answer, true).catch(() => {});
    },
  });

  const setAnswer = useCallback(
    (questionId: string, answer: DraftAnswer) => {
      if (disabled) return;
      setAnswers((previous) => ({ ...previous, [questionId]: answer }));
      saver.set(questionId, answer);
    },
    [disabled, saver],
  );

  const value = useMemo(() => ({ answers, setAnswer, flush: () => saver.flush(), state, disabled }), [answers, setAnswer, saver, state, disabled]);
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

export function AutosaveStatus() {
  const { state } = useQuizAutosave();
  const text = { saved: 'All answers saved', pending: 'Unsaved changes…', saving: 'Saving…', error: state.kind === 'error' ? state.message : '' }[state.kind];
  return (
    <p role="status" aria-live="polite" data-testid="autosave-status" className={`text-sm ${state.kind === 'error' ? 'text-red-700' : 'text-slate-600'}`}>
      {text}
    </p>
  );
}
