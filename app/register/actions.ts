'use server';

import { signIn } from '@/auth';
import { checkPasswordStrength } from '@/db/password';
import { isRefusal } from '@/db/queries/errors';
import { insertUser } from '@/db/queries/users';
import { echoValues, firstFieldErrors, safeReturnPath, type FormState } from '@/app/_lib/form-state.shared';
import { RegisterSchema } from './register.types';

export async function registerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['password']);
  const parsed = RegisterSchema.safeParse(Object.fromEntries(formData));
  const weakPassword = checkPasswordStrength(String(formData.get('password') ?? ''), parsed.data?.email);
  if (!parsed.success || weakPassword) {
    const fieldErrors = parsed.success ? {} : firstFieldErrors(parsed.error);
    if (weakPassword) fieldErrors.password = weakPassword;
    return { fieldErrors, values };
  }
  const { name, email, password, callbackUrl } = parsed.data;

  try {
    await insertUser({ name, email, password });
  } catch (error) {
    if (isRefusal(error, 'conflict')) return { fieldErrors: { email: 'An account with this e-mail already exists.' }, values };
    throw error;
  }
  await signIn('credentials', { email, password, redirectTo: safeReturnPath(callbackUrl) });
  return { values };
}
