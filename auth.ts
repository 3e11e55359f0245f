import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { signInWithPassword } from '@/db/queries/sessions';

const CredentialsSchema = z.object({ email: z.string().min(1), password: z.string().min(1) });

/** Too many failed sign-ins for the account or the address; the sign-in form says until when. */
export class SignInThrottled extends CredentialsSignin {
  code = 'throttled';
}

/**
 * The client's address for the sign-in throttle: the last X-Forwarded-For entry, i.e. what the
 * nearest proxy saw (Next sets the header to the socket's address only when a request has none, so
 * without a proxy in front a client can name any address; the per-account limit still holds).
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean);
  return forwarded?.at(-1)?.slice(0, 64) ?? null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Roles live in our own tables and are read per request; the token only carries who the user is.
  session: { strategy: 'jwt' },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
      // Both the sign-in form's action and a direct POST to /api/auth/callback/credentials come here.
      async authorize(raw, request) {
        const parsed = CredentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await signInWithPassword(parsed.data.email, parsed.data.password, clientAddress(request.headers));
        if (!result.ok) {
          if (result.reason === 'throttled') throw new SignInThrottled();
          return null;
        }
        const { user } = result;
        return { id: user.id, name: user.name, email: user.email };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
