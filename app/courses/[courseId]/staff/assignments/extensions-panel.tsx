'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { grantExtensionAction, revokeExtensionAction } from './actions';

type Student = { userId: string; name: string; email: string };
type Extension = Student & { dueLabel: string };
type ExtensionsPanelProps = { courseId: string; assignmentId: string; timeZone: string; students: Student[]; extensions: Extension[] };

/** Per-student due dates: grant (or replace) one, and revoke. */
export function ExtensionsPanel({ courseId, assignmentId, timeZone, students, extensions }: ExtensionsPanelProps) {
  const [state, formAction] = useActionState(grantExtensionAction, initialFormState);
  return (
    <section className="card space-y-4" aria-labelledby="extensions-heading">
      <h2 id="extensions-heading" className="text-lg font-semibold">
        Extensions
      </h2>
      {extensions.length === 0 ? (
        <p className="text-sm text-slate-600">No student has an extension.</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label="Granted extensions">
          {extensions.map((ext) => (
            <li key={ext.userId} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="extension-row">
              <span>
                {ext.name} <span className="text-sm text-slate-500">({ext.email})</span> · due {ext.dueLabel}
              </span>
              <form action={revokeExtensionAction}>
                <input type="hidden" name="courseId" value={courseId} />
                <input type="hidden" name="assignmentId" value={assignmentId} />
                <input type="hidden" name="userId" value={ext.userId} />
                <SubmitButton className="btn-secondary" pendingLabel="Revoking…">
                  Revoke<span className="sr-only"> extension of {ext.name}</span>
                </SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form action={formAction} className="grid items-start gap-3 sm:grid-cols-3">
        <input type="hidden" name="courseId" value={courseId} />
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <div className="space-y-1">
          <label htmlFor="extension-student" className="block text-sm font-medium text-slate-800">
            Student
          </label>
          <select id="extension-student" name="userId" className="input" defaultValue={state.values?.userId ?? ''}>
            <option value="">Choose a student…</option>
            {students.map((s) => (
              <option key={s.userId} value={s.userId}>
                {s.name} ({s.email})
              </option>
            ))}
          </select>
          <p className="text-sm text-red-700">{state.fieldErrors?.userId}</p>
        </div>
        <TextField name="dueAt" id="extension-due" label={`New due date (${timeZone})`} type="datetime-local" defaultValue={state.values?.dueAt} error={state.fieldErrors?.dueAt} />
        <div className="space-y-1 sm:pt-6">
          <SubmitButton pendingLabel="Granting…">Grant extension</SubmitButton>
          <FormMessage error={state.formError} notice={state.notice} />
        </div>
      </form>
    </section>
  );
}
