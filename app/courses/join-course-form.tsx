'use client';

import { useActionState } from 'react';
import { SubmitButton, TextField } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { joinCourseAction } from './actions';

export function JoinCourseForm() {
  const [state, formAction] = useActionState(joinCourseAction, initialFormState);
  return (
    <form action={formAction} className="space-y-3" aria-labelledby="join-course-heading" noValidate>
      <h2 id="join-course-heading" className="text-lg font-semibold">
        Join a course
      </h2>
      <TextField
        name="joinCode"
        label="Join code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        defaultValue={state.values?.joinCode}
        error={state.fieldErrors?.joinCode}
        hint="Your instructor shares it in class or on the course page."
      />
      <SubmitButton pendingLabel="Joining…">Join course</SubmitButton>
    </form>
  );
}
