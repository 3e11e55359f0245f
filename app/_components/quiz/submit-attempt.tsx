'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form-controls';
import { isEmptyAnswer } from '@/graders/quiz/empty';
import { initialFormState, type FormState } from '@/app/_lib/form-state.shared';
import { AutosaveStatus, useQuizAutosave } from './autosave';

type SubmitAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Saves whatever is still pending, then submits; a failed save stops the submit so nothing is lost. */
export function SubmitAttempt(props: { action: SubmitAction; courseId: string; itemId: string; attemptId: string; questionIds: string[] }) {
  const { flush, answers } = useQuizAutosave();
  const [state, formAction, pending] = useActionState(async (previous: FormState, formData: FormData): Promise<FormState> => {
    if (!(await flush())) return { formError: 'Some answers could not be saved; check your connection and submit again.' };
    return props.action(previous, formData);
  }, initialFormState);
  const unanswered = props.questionIds.filter((id) => isEmptyAnswer(answers[id])).length;

  return (
    <form action={formAction} className="card sticky bottom-2 flex flex-wrap items-center justify-between gap-3">
      <input type="hidden" name="courseId" value={props.courseId} />
      <input type="hidden" name="itemId" value={props.itemId} />
      <input type="hidden" name="attemptId" value={props.attemptId} />
      <div className="space-y-1">
        <AutosaveStatus />
        <p className="text-sm text-slate-600">{unanswered ? `${unanswered} of ${props.questionIds.length} questions unanswered.` : 'Every question has an answer.'}</p>
        <FormMessage error={state.formError} />
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? 'Submitting…' : 'Submit answers'}
      </button>
    </form>
  );
}
