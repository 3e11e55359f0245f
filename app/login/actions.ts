'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/auth';
import { verifyUserPassword } from '@/db/queries/users';
import { echoValues, firstFieldErrors, safeReturnPath, type FormState } from '@/app/_lib/form-state.shared';
import { LoginSchema } from './login.types';

export async function logIn(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['password']);
  const parsed = LoginSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error), values };
  const { email, password, callbackUrl } = parsed.data;

  // Checked here first because Auth.js reports every credentials failure as the same opaque error.
  const check = await verifyUserPassword(email, password);
  if (!check.ok) {
    const fieldErrors = check.reason === 'unknown_email' ? { email: 'No account with this e-mail.' } : { password: 'Wrong password.' };
    return { fieldErrors, values };
  }

  try {
    // Redirects (by throwing) on success, so nothing after it runs.
    await signIn('credentials', { email, password, redirectTo: safeReturnPath(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) return { formError: 'Signing in failed; please try again.', values };
    throw error;
  }
  return { values };
}
