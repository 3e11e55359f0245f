import { z } from 'zod';

/** What every form action returns to `useActionState`: one message per field, plus echoed values. */
export type FormState = {
  fieldErrors?: Partial<Record<string, string>>;
  formError?: string;
  /** Non-secret inputs, so a refused form keeps what the user typed (React resets forms after an action). */
  values?: Record<string, string>;
  /** A short confirmation for actions that stay on the page. */
  notice?: string;
};

export const initialFormState: FormState = {};

export function firstFieldErrors(error: z.ZodError): Partial<Record<string, string>> {
  const { fieldErrors } = z.flattenError(error);
  const result: Partial<Record<string, string>> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (Array.isArray(messages) && messages[0]) result[field] = messages[0];
  }
  return result;
}

/** The form's fields as strings, leaving out the ones named in `secret`. */
export function echoValues(formData: FormData, secret: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) {
    if (typeof value === 'string' && !name.startsWith('$') && !secret.includes(name)) values[name] = value;
  }
  return values;
}

/**
 * Only same-site paths: a crafted ?callbackUrl=https://evil.example must not turn our sign-in
 * into an open redirect. `//host` and `/\host` are protocol-relative in browsers, so they are refused too.
 */
export function safeReturnPath(candidate: unknown, fallback = '/courses'): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return fallback;
  }
  return candidate;
}
