'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { clientAddress, signIn } from '@/auth';
import { selectSignInLock } from '@/db/queries/sessions';
import { echoValues, firstFieldErrors, safeReturnPath, type FormState } from '@/app/_lib/form-state.shared';
import { LoginSchema, signInRefusal } from './login.types';

export async function logInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['password']);
  const parsed = LoginSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error), values };
  const { email, password, callbackUrl } = parsed.data;

  try {
    // The password is checked (and throttled) once, in auth.ts's authorize. Redirects (by throwing)
    // on success, so nothing after it runs.
    await signIn('credentials', { email, password, redirectTo: safeReturnPath(callbackUrl) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      // Wrong password and unknown e-mail get the same answer; a lock (this failure may have set it) says until when.
      const lockedUntil = await selectSignInLock(email, clientAddress(await headers()));
      return { formError: signInRefusal(lockedUntil), values };
    }
    if (error instanceof AuthError) return { formError: 'Signing in failed; please try again.', values };
    throw error;
  }
  return { values };
}
