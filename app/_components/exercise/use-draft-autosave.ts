'use client';

import { useCallback, useEffect, useRef } from 'react';
import { isRetryableStatus, SaveRefused, type SaveState } from '@/app/_lib/autosaver';
import { useAutosaver } from '@/app/_lib/use-autosaver';

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
 * Debounced autosave of `code` to the server; `saveNow` for Ctrl/Cmd+S. Unsaved code is sent
 * with sendBeacon when the page is hidden or closed. A null `url` (staff preview) saves nothing.
 */
export function useDraftAutosave(url: string | null, itemId: string, code: string, savedCode: string, savedAt: string | null): { state: SaveState; saveNow: () => Promise<boolean> } {
  const lastSaved = useRef(savedCode);
  const latest = useRef(code);
  const { saver, state } = useAutosaver<string>({
    debounceMs: DEBOUNCE_MS,
    retryMs: RETRY_MS,
    savedAt,
    async send(_key, text) {
      if (url === null) return null;
      const response = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: text }) });
      const body = (await response.json().catch(() => ({}))) as { updatedAt?: string; error?: string };
      if (response.ok) return body.updatedAt;
      const message = body.error ?? `the server answered ${response.status}`;
      throw isRetryableStatus(response.status) ? new Error(message) : new SaveRefused(message);
    },
    sendOnExit(_key, text) {
      if (url !== null) navigator.sendBeacon(url, new Blob([JSON.stringify({ code: text })], { type: 'application/json' }));
    },
    onStored(_key, text) {
      lastSaved.current = text;
      if (latest.current !== text) return;
      try {
        localStorage.removeItem(localDraftKey(itemId));
      } catch {
        // storage unavailable: nothing to clean up
      }
    },
  });

  useEffect(() => {
    latest.current = code;
    if (url === null || (code === lastSaved.current && !saver.hasPending())) return;
    try {
      localStorage.setItem(localDraftKey(itemId), JSON.stringify({ code, at: Date.now() } satisfies LocalDraft));
    } catch {
      // private mode or full storage: the server copy still follows
    }
    saver.set('code', code);
  }, [code, itemId, saver, url]);

  const shown: SaveState = state.kind === 'error' ? { ...state, message: `Not saved to the server (${state.message}); kept in this browser${state.retrying ? ', retrying' : ''}.` } : state;
  const saveNow = useCallback(() => saver.flush(), [saver]);
  return { state: shown, saveNow };
}
