'use client';

import { useState, useTransition } from 'react';
import type { AuthoringOutcome, DraftFilesInput } from '../../content.types';

export type Busy = 'Saving' | 'Validating' | 'Publishing';

/** Runs one editor action (save, validate, publish) at a time and keeps what it answered. */
export function useAuthoringAction(courseId: string, draftId: string, files: Record<string, string>) {
  const [outcome, setOutcome] = useState<AuthoringOutcome | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [, startTransition] = useTransition();
  const act = (label: Busy, work: (input: DraftFilesInput) => Promise<AuthoringOutcome>, after?: (o: AuthoringOutcome) => void) => {
    setBusy(label);
    setOutcome(null);
    startTransition(async () => {
      try {
        const result = await work({ courseId, draftId, files });
        setOutcome(result);
        after?.(result);
      } catch (error) {
        setOutcome({ kind: 'problems', problems: [{ file: '', field: '', message: `The server could not finish (${(error as Error).message}); try again.` }] });
      } finally {
        setBusy(null);
      }
    });
  };
  return { outcome, busy, act };
}
