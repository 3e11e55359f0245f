'use client';

import { useEffect, useState } from 'react';
import { Autosaver, type AutosaveTransport, type SaveState } from './autosaver';

type HookOptions<V> = AutosaveTransport<V> & { debounceMs: number; retryMs: number; savedAt: string | null };

/**
 * An Autosaver for the component's lifetime, with its state as React state. Pending values go
 * out with the page (hidden, closed) and are retried when the connection returns. The transport
 * is replaced after every render, so it may close over the latest props; a value set before the
 * first effect waits for its debounce, by which time the transport is there.
 */
export function useAutosaver<V>(options: HookOptions<V>): { saver: Autosaver<V>; state: SaveState } {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: options.savedAt });
  const [saver] = useState(() => new Autosaver<V>({ debounceMs: options.debounceMs, retryMs: options.retryMs, onState: setState }, options, options.savedAt));
  useEffect(() => saver.setTransport(options));

  useEffect(() => {
    const onHide = () => document.visibilityState === 'hidden' && saver.flushOnExit();
    const onPageHide = () => saver.flushOnExit();
    const onOnline = () => saver.retryNow();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('online', onOnline);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('online', onOnline);
    };
  }, [saver]);
  // Leaving the page inside the app (a client-side navigation) saves what waits instead of dropping it.
  useEffect(() => () => void saver.flush(), [saver]);

  return { saver, state };
}
