import { z } from 'zod';

export const LoginSchema = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address.'),
  password: z.string().min(1, 'Enter your password.'),
  callbackUrl: z.string().optional(),
});

export const WRONG_CREDENTIALS = 'Wrong e-mail or password.';

/** The one message for a refused sign-in: the same for an unknown e-mail and a wrong password. */
export function signInRefusal(lockedUntil: Date | null, now = new Date()): string {
  if (!lockedUntil) return WRONG_CREDENTIALS;
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const wait = seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-ins. Try again in ${wait}.`;
}
