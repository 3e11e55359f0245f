import { z } from 'zod';

export const RegisterSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.'),
  email: z.string().trim().max(254, 'Use at most 254 characters.').pipe(z.email('Enter a valid e-mail address, like ada@example.org.')),
  // Strength is judged by db/password.ts so registration and any later password change agree.
  password: z.string(),
  callbackUrl: z.string().optional(),
});
