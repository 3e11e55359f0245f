import { z } from 'zod';

export const LoginSchema = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address.'),
  password: z.string().min(1, 'Enter your password.'),
  callbackUrl: z.string().optional(),
});
