'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { FormMessage } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { decideRegradeAction } from './actions';

/** Accept (apply the new scores) or discard a run; instructors only, the action checks again. */
export function DecideRegradeForm({ courseId, runId, canAccept }: { courseId: string; runId: string; canAccept: boolean }) {
  const [state, formAction] = useActionState(decideRegradeAction, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="runId" value={runId} />
      <DecisionButtons canAccept={canAccept} />
      <FormMessage error={state.formError} notice={state.notice} />
    </form>
  );
}

function DecisionButtons({ canAccept }: { canAccept: boolean }) {
  const { pending } = useFormStatus();
  return (
    <div className="flex gap-2">
      {canAccept && (
        <button type="submit" name="decision" value="accept" className="btn-primary" disabled={pending}>
          Accept new scores
        </button>
      )}
      <button type="submit" name="decision" value="discard" className="btn-secondary" disabled={pending}>
        Discard
      </button>
    </div>
  );
}
