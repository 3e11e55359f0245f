'use client';

import { useRouter } from 'next/navigation';
import { saveDraftAction } from '../../actions';
import type { AuthoringOutcome, DraftFilesInput } from '../../content.types';
import type { Busy, useAuthoringAction } from './use-authoring-action';

type Work = (input: DraftFilesInput) => Promise<AuthoringOutcome>;

/** Save, Validate, Publish and Preview for a draft; Preview saves first, since it renders the stored draft. */
export function ActionBar(props: { action: ReturnType<typeof useAuthoringAction>; validate: Work; publish: Work; published: boolean; previewHref: string; validatingNote: string }) {
  const { act, busy } = props.action;
  const router = useRouter();
  const note: Record<Busy, string> = { Saving: 'Saving…', Validating: `Validating… ${props.validatingNote}`, Publishing: `Publishing… ${props.validatingNote}` };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className="btn-secondary" disabled={busy !== null} onClick={() => act('Saving', saveDraftAction)}>
        Save draft
      </button>
      <button type="button" className="btn-primary" disabled={busy !== null} onClick={() => act('Validating', props.validate)}>
        Validate
      </button>
      <button type="button" className="btn-primary bg-emerald-700 hover:bg-emerald-800" disabled={busy !== null} onClick={() => act('Publishing', props.publish, () => router.refresh())}>
        {props.published ? 'Publish new version' : 'Publish'}
      </button>
      <button type="button" className="btn-secondary" disabled={busy !== null} onClick={() => act('Saving', saveDraftAction, () => router.push(props.previewHref))}>
        Preview as student
      </button>
      <p className="text-sm text-slate-600" role="status" aria-live="polite">
        {busy ? note[busy] : ''}
      </p>
    </div>
  );
}
