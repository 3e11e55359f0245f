'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { copyExerciseAction, createContentAction, importExerciseAction } from './actions';
import type { ImportState } from './content.types';
import { ProblemList } from './problem-list';

export function NewContentForm({ courseId, kind }: { courseId: string; kind: 'exercise' | 'quiz' }) {
  const [state, action] = useActionState(createContentAction, initialFormState);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-start">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="kind" value={kind} />
      <TextField
        name="id"
        id={`${kind}-id`}
        label={kind === 'exercise' ? 'Id' : 'Quiz id'}
        placeholder={kind === 'exercise' ? 'softplus' : 'activations-quiz'}
        defaultValue={state.values?.id}
        error={state.fieldErrors?.id}
        hint="Stable and unique across courses"
        required
      />
      <TextField name="title" id={`${kind}-title`} label={kind === 'exercise' ? 'Title' : 'Quiz title'} defaultValue={state.values?.title} error={state.fieldErrors?.title} required />
      <div className="sm:pt-6">
        <SubmitButton pendingLabel="Creating…">{kind === 'exercise' ? 'Create exercise' : 'Create quiz'}</SubmitButton>
      </div>
      <FormMessage error={state.formError} />
    </form>
  );
}

export function CopyExerciseForm({ courseId, exerciseId }: { courseId: string; exerciseId: string }) {
  const [state, action] = useActionState(copyExerciseAction, initialFormState);
  return (
    <form action={action} className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <label className="sr-only" htmlFor={`copy-${exerciseId}`}>
        New id for the copy of {exerciseId}
      </label>
      <input
        id={`copy-${exerciseId}`}
        name="newId"
        className="input w-48 py-1 text-sm"
        defaultValue={state.values?.newId ?? `${exerciseId}-copy`}
        aria-invalid={state.fieldErrors?.newId ? true : undefined}
      />
      <SubmitButton className="btn-secondary" pendingLabel="Copying…">
        Copy into this course
      </SubmitButton>
      {state.fieldErrors?.newId && <p className="w-full text-sm text-red-700">{state.fieldErrors.newId}</p>}
    </form>
  );
}

export function ImportExerciseForm({ courseId }: { courseId: string }) {
  const [state, action] = useActionState<ImportState, FormData>(importExerciseAction, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="courseId" value={courseId} />
      <label className="block text-sm font-medium text-slate-800" htmlFor="import-zip">
        Exercise folder as a .zip (exercise.json, statement.md, stub.js, reference.js, tests.js)
      </label>
      <input id="import-zip" name="zip" type="file" accept=".zip,application/zip" className="block text-sm" required />
      <SubmitButton className="btn-secondary" pendingLabel="Validating…">
        Import
      </SubmitButton>
      <FormMessage error={state.formError} />
      {state.problems && <ProblemList problems={state.problems} title="Not imported: fix these and upload again" />}
    </form>
  );
}
