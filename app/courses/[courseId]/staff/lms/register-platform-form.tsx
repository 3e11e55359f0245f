'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { registerPlatformAction } from './actions';

const FIELDS = [
  { name: 'name', label: 'Name', hint: 'For this page, e.g. "University Moodle"' },
  { name: 'issuer', label: 'Issuer (platform id)', hint: 'Moodle: the site URL; Canvas: https://canvas.instructure.com' },
  { name: 'clientId', label: 'Client id' },
  { name: 'deploymentIds', label: 'Deployment ids', hint: 'One or more, separated by spaces or commas' },
  { name: 'authUrl', label: 'Authentication request URL' },
  { name: 'tokenUrl', label: 'Access token URL' },
  { name: 'jwksUrl', label: 'Public keyset (JWKS) URL' },
] as const;

/** Platform administrators only (the action refuses others): a platform is shared by every course. */
export function RegisterPlatformForm({ courseId }: { courseId: string }) {
  const [state, formAction] = useActionState(registerPlatformAction, initialFormState);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2" aria-label="Register a platform">
      <input type="hidden" name="courseId" value={courseId} />
      {FIELDS.map((field) => (
        <TextField
          key={field.name}
          id={`lms-${field.name}`}
          name={field.name}
          label={field.label}
          hint={'hint' in field ? field.hint : undefined}
          defaultValue={state.values?.[field.name]}
          error={state.fieldErrors?.[field.name]}
        />
      ))}
      <div className="space-y-1 sm:col-span-2">
        <SubmitButton pendingLabel="Registering…">Register platform</SubmitButton>
        <FormMessage error={state.formError} notice={state.notice} />
      </div>
    </form>
  );
}
