'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form-controls';
import { initialFormState, type FormState } from '@/app/_lib/form-state.shared';

export function StartAttempt(props: { action: (previous: FormState, formData: FormData) => Promise<FormState>; courseId: string; itemId: string; label: string }) {
  const [state, formAction] = useActionState(props.action, initialFormState);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="courseId" value={props.courseId} />
      <input type="hidden" name="itemId" value={props.itemId} />
      <SubmitButton pendingLabel="Starting…">{props.label}</SubmitButton>
      <FormMessage error={state.formError} />
    </form>
  );
}
