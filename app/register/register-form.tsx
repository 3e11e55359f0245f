'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { registerAction } from './actions';

export function RegisterForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction] = useActionState(registerAction, initialFormState);
  const loginHref = callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/login';
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <TextField name="name" label="Name" autoComplete="name" required defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <TextField name="email" label="E-mail" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters; a short sentence works well."
        error={state.fieldErrors?.password}
      />
      <FormMessage error={state.formError} />
      <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
      <p className="text-sm text-slate-600">
        Already registered?{' '}
        <Link href={loginHref} className="link">
          Sign in
        </Link>
      </p>
    </form>
  );
}
