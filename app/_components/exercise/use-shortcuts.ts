'use client';

import { useEffect } from 'react';

/** Ctrl/Cmd+Enter runs and Ctrl/Cmd+S saves, also when focus is outside the editor (which handles its own). */
export function useRunSaveShortcuts(run: () => void, save: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey)) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        run();
      } else if (e.key.toLowerCase() === 's') {
        e.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, save]);
}
