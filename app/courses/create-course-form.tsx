'use client';

import { useActionState } from 'react';
import { SubmitButton, TextField } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { createCourseAction } from './actions';

export function CreateCourseForm() {
  const [state, formAction] = useActionState(createCourseAction, initialFormState);
  return (
    <form action={formAction} className="space-y-3" aria-labelledby="create-course-heading" noValidate>
      <h2 id="create-course-heading" className="text-lg font-semibold">
        Create a course
      </h2>
      <TextField name="title" label="Title" required defaultValue={state.values?.title} error={state.fieldErrors?.title} />
      <TextField name="code" label="Course code" required placeholder="DL-2025" defaultValue={state.values?.code} error={state.fieldErrors?.code} />
      <SubmitButton pendingLabel="Creating…">Create course</SubmitButton>
    </form>
  );
}
