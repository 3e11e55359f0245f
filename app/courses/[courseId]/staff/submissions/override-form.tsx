'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { overrideScoreAction } from './actions';

/** New score in the item's points, a mandatory reason (audit trail) and an optional comment the student sees. */
export function OverrideForm({ courseId, target, points }: { courseId: string; target: { kind: 'submission' | 'quiz_attempt'; id: string }; points: number }) {
  const [state, action] = useActionState(overrideScoreAction, initialFormState);
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-3" aria-label="Override score">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="targetKind" value={target.kind} />
      <input type="hidden" name="targetId" value={target.id} />
      <TextField name="newScore" label={`New score (points out of ${points})`} type="number" min={0} max={points} step="any" required defaultValue={values.newScore} error={state.fieldErrors?.newScore} />
      <TextArea name="reason" label="Reason (audit trail, staff only)" required defaultValue={values.reason} error={state.fieldErrors?.reason} />
      <TextArea name="comment" label="Comment for the student (optional)" defaultValue={values.comment} error={state.fieldErrors?.comment} />
      <FormMessage error={state.formError} notice={state.notice} />
      <SubmitButton pendingLabel="Saving…">Override score</SubmitButton>
    </form>
  );
}

function TextArea({ name, label, required, defaultValue, error }: { name: string; label: string; required?: boolean; defaultValue?: string; error?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">{label}</label>
      <textarea id={name} name={name} rows={2} required={required} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={`${name}-error`} className="input" />
      <p id={`${name}-error`} className="text-sm text-red-700" aria-live="polite">{error}</p>
    </div>
  );
}
