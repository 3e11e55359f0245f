'use client';

import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextField } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { overrideScoreAction } from './actions';
import { formatPoints } from '@/app/_lib/format-points.shared';

/** The item's score as it stands, in points: what the override replaces. */
export type CurrentItemScore = { final: number | null; best: number | null; overridden: boolean; pendingReview: boolean };

/**
 * An override sets the final score of the *item* for this student (the policy in db/queries/scores.ts), whichever
 * attempt the grader opened: the form says so, shows what it replaces, and asks to confirm a score below the best attempt.
 */
export function OverrideForm(props: {
  courseId: string;
  target: { kind: 'submission' | 'quiz_attempt'; id: string };
  points: number;
  studentName: string;
  itemTitle: string;
  current: CurrentItemScore | null;
}) {
  const { courseId, target, points, studentName, itemTitle, current } = props;
  const [state, action] = useActionState(overrideScoreAction, initialFormState);
  const values = state.values ?? {};
  const [typed, setTyped] = useState(values.newScore ?? '');
  const best = current?.best ?? null;
  const lowers = best !== null && typed.trim() !== '' && Number(typed) < best;
  return (
    <form action={action} className="space-y-3" aria-label="Set the item's final score">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="targetKind" value={target.kind} />
      <input type="hidden" name="targetId" value={target.id} />
      <div className="rounded-md bg-slate-50 p-3 text-sm text-slate-800" data-testid="override-current">
        <p>
          Sets the final score of <strong>{itemTitle}</strong> for <strong>{studentName}</strong>
          {best !== null ? `, replacing the best attempt's ${formatPoints(best)} / ${points}` : ', which has no graded attempt yet'}. It applies to the item, not only to this attempt.
        </p>
        <p className="mt-1 text-slate-700">
          Counts now: {current?.final !== null && current?.final !== undefined ? `${formatPoints(current.final)} / ${points}` : 'nothing'}
          {current?.overridden ? ' (set by staff)' : best !== null ? ' (best attempt, after any late penalty)' : ''}
          {current?.pendingReview ? '; a quiz attempt is pending review and not counted yet' : ''}.
        </p>
      </div>
      <TextField
        name="newScore"
        label={`New final score (points out of ${points})`}
        type="number"
        min={0}
        max={points}
        step="any"
        required
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        error={state.fieldErrors?.newScore}
      />
      {(lowers || state.fieldErrors?.confirmLower) && best !== null && (
        <div className="space-y-1">
          <label className="flex items-start gap-2 text-sm text-amber-900">
            <input type="checkbox" name="confirmLower" required className="mt-1" aria-describedby="confirmLower-error" />
            <span>
              Yes, lower the final score below the best attempt&apos;s {formatPoints(best)} / {points}.
            </span>
          </label>
          <p id="confirmLower-error" className="text-sm text-red-700" aria-live="polite">
            {state.fieldErrors?.confirmLower}
          </p>
        </div>
      )}
      <TextArea name="reason" label="Reason (audit trail, staff only)" required defaultValue={values.reason} error={state.fieldErrors?.reason} />
      <TextArea name="comment" label="Comment for the student (optional)" defaultValue={values.comment} error={state.fieldErrors?.comment} />
      <FormMessage error={state.formError} notice={state.notice} />
      <SubmitButton pendingLabel="Saving…">Set final score</SubmitButton>
    </form>
  );
}

function TextArea({ name, label, required, defaultValue, error }: { name: string; label: string; required?: boolean; defaultValue?: string; error?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea id={name} name={name} rows={2} required={required} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={`${name}-error`} className="input" />
      <p id={`${name}-error`} className="text-sm text-red-700" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
