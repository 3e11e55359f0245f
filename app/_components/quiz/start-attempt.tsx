'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form-controls';
import { initialFormState, type FormState } from '@/app/_lib/form-state.shared';

/** What pressing Start costs: an attempt counts from the moment it is started, submitted or not. */
export function attemptUseText(used: number, maxAttempts: number | null): string {
  const next = used + 1;
  return maxAttempts === null
    ? `This starts attempt ${next}; attempts are unlimited.`
    : `This uses attempt ${next} of ${maxAttempts}: it counts from the moment you start, even if you never submit it.`;
}

export function StartAttempt(props: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  courseId: string;
  itemId: string;
  label: string;
  used: number;
  maxAttempts: number | null;
}) {
  const [state, formAction] = useActionState(props.action, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="courseId" value={props.courseId} />
      <input type="hidden" name="itemId" value={props.itemId} />
      <p className="text-sm font-medium text-slate-800" data-testid="attempt-use">
        {attemptUseText(props.used, props.maxAttempts)}
      </p>
      <SubmitButton pendingLabel="Starting…">{props.label}</SubmitButton>
      <FormMessage error={state.formError} />
    </form>
  );
}
