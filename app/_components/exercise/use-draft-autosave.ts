'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = { kind: 'saved'; at: string | null } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; message: string };

const DEBOUNCE_MS = 1000;
const RETRY_MS = 5000;

/** localStorage keeps every keystroke until the server has it: a dropped connection loses nothing. */
export function localDraftKey(itemId: string): string {
  return `tensorgrade:draft:${itemId}`;
}

export type LocalDraft = { code: string; at: number };

export function readLocalDraft(itemId: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(localDraftKey(itemId));
    const parsed = raw ? (JSON.parse(raw) as LocalDraft) : null;
    return parsed && typeof parsed.code === 'string' && typeof parsed.at === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Debounced autosave of `code` to the server; `saveNow` for Ctrl/Cmd+S. Unsaved code is flushed
 * with sendBeacon when the page is hidden or closed. A null `url` (staff preview) saves nothing.
 */
export function useDraftAutosave(url: string | null, itemId: string, code: string, savedCode: string, savedAt: string | null) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: savedAt });
  const lastSaved = useRef(savedCode);
  const latest = useRef(code);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  // Retries schedule the latest save through a ref, not through the callback's own name.
  const again = useRef<() => void>(() => {});

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    const text = latest.current;
    if (text === lastSaved.current || url === null) {
      setState((s) => (s.kind === 'saved' ? s : { kind: 'saved', at: new Date().toISOString() }));
      return;
    }
    setState({ kind: 'saving' });
    const attempt = (async () => {
      try {
        const response = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: text }) });
        const body = (await response.json().catch(() => ({}))) as { updatedAt?: string; error?: string };
        if (!response.ok) throw new Error(body.error ?? `the server answered ${response.status}`);
        lastSaved.current = text;
        if (latest.current === text) {
          setState({ kind: 'saved', at: body.updatedAt ?? new Date().toISOString() });
          try {
            localStorage.removeItem(localDraftKey(itemId));
          } catch {
            // storage unavailable: nothing to clean up
          }
        } else {
          setState({ kind: 'pending' });
          timer.current = setTimeout(() => again.current(), DEBOUNCE_MS);
        }
      } catch (error) {
        setState({ kind: 'error', message: `Not saved to the server (${(error as Error).message}); kept in this browser, retrying.` });
        timer.current = setTimeout(() => again.current(), RETRY_MS);
      }
    })();
    inFlight.current = attempt;
    await attempt;
    inFlight.current = null;
  }, [url, itemId]);
  useEffect(() => {
    again.current = () => void save();
  }, [save]);

  useEffect(() => {
    latest.current = code;
    if (code === lastSaved.current || url === null) return;
    try {
      localStorage.setItem(localDraftKey(itemId), JSON.stringify({ code, at: Date.now() } satisfies LocalDraft));
    } catch {
      // private mode or full storage: the server copy still follows
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    const id = setTimeout(() => setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' })), 0);
    return () => clearTimeout(id);
  }, [code, itemId, save, url]);

  useEffect(() => {
    const flush = () => {
      if (latest.current === lastSaved.current || url === null) return;
      navigator.sendBeacon(url, new Blob([JSON.stringify({ code: latest.current })], { type: 'application/json' }));
    };
    const onHide = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      clearTimeout(timer.current);
    };
  }, [url]);

  return { state, saveNow: save };
}
