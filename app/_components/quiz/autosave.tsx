'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DraftAnswer } from '@/db/services/quiz-attempt-view';

const DEBOUNCE_MS = 600;

type SaveState = 'saved' | 'pending' | 'saving' | 'error';

type AutosaveContext = {
  answers: Record<string, DraftAnswer>;
  setAnswer(questionId: string, answer: DraftAnswer): void;
  /** Sends every pending answer now; resolves true when all are stored. */
  flush(): Promise<boolean>;
  state: SaveState;
  error: string | null;
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
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(new Map<string, DraftAnswer>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean>>(Promise.resolve(true));

  const post = useCallback(
    (questionId: string, answer: DraftAnswer, keepalive: boolean) =>
      fetch(saveUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ attemptId, questionId, answer }), keepalive }),
    [attemptId, saveUrl],
  );

  const send = useCallback(
    (keepalive = false): Promise<boolean> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const batch = [...pending.current];
      pending.current.clear();
      if (batch.length === 0) return inFlight.current;
      if (keepalive) {
        // The page is going away: no waiting behind an earlier request, which would never finish.
        for (const [questionId, answer] of batch) post(questionId, answer, true).catch(() => {});
        return Promise.resolve(true);
      }
      setState('saving');
      // Chained, so an older value never lands after a newer one.
      inFlight.current = inFlight.current.then(async () => {
        let ok = true;
        for (const [questionId, answer] of batch) {
          try {
            const response = await post(questionId, answer, false);
            if (!response.ok) {
              ok = false;
              const body = (await response.json().catch(() => null)) as { error?: string } | null;
              setError(body?.error ?? `Saving failed (HTTP ${response.status}).`);
              // Keep it for the next try unless a newer value is already waiting.
              if (response.status >= 500 && !pending.current.has(questionId)) pending.current.set(questionId, answer);
            }
          } catch {
            ok = false;
            setError('You seem to be offline; your answers will be saved when the connection returns.');
            if (!pending.current.has(questionId)) pending.current.set(questionId, answer);
          }
        }
        if (ok) setError(null);
        setState(!ok ? 'error' : pending.current.size ? 'pending' : 'saved');
        return ok;
      });
      return inFlight.current;
    },
    [post],
  );

  const setAnswer = useCallback(
    (questionId: string, answer: DraftAnswer) => {
      if (disabled) return;
      setAnswers((previous) => ({ ...previous, [questionId]: answer }));
      pending.current.set(questionId, answer);
      setState('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void send(), DEBOUNCE_MS);
    },
    [disabled, send],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden' && pending.current.size) void send(true);
    };
    const onPageHide = () => {
      if (pending.current.size) void send(true);
    };
    const onOnline = () => {
      if (pending.current.size) void send();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('online', onOnline);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('online', onOnline);
    };
  }, [send]);

  const value = useMemo(() => ({ answers, setAnswer, flush: () => send(), state, error, disabled }), [answers, setAnswer, send, state, error, disabled]);
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

export function AutosaveStatus() {
  const { state, error } = useQuizAutosave();
  const text = { saved: 'All answers saved', pending: 'Unsaved changes…', saving: 'Saving…', error: error ?? 'Could not save' }[state];
  return (
    <p role="status" aria-live="polite" data-testid="autosave-status" className={`text-sm ${state === 'error' ? 'text-red-700' : 'text-slate-600'}`}>
      {text}
    </p>
  );
}
