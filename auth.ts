import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import type {} from 'next-auth/jwt';
import { z } from 'zod';
import { selectSessionVersion, signInWithPassword } from '@/db/queries/sessions';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    /** users.session_version when the token was issued; a token with an older one is signed out. */
    sessionVersion?: number;
  }
}

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
  const forwarded = headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded?.at(-1)?.slice(0, 64) ?? null;
}

/** Exported for the tests (tests/integration/sessions.test.ts). */
export const sessionCallbacks = {
  // Runs on every auth() (once per request: getOptionalUser is cached per request), so a
  // revoked token stops working at once; it costs one primary-key read.
  async jwt({ token, user }) {
    if (user?.id) return { ...token, sub: user.id, sessionVersion: user.sessionVersion ?? 0 };
    if (!token.sub || typeof token.sessionVersion !== 'number') return null;
    const current = await selectSessionVersion(token.sub);
    return current === token.sessionVersion ? token : null;
  },
  session({ session, token }) {
    if (token.sub) session.user.id = token.sub;
    return session;
  },
} satisfies NextAuthConfig['callbacks'];

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Roles live in our own tables and are read per request; the token only carries who the user is
  // and the session version (signing out bumps it, which ends every session of the user).
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
        const { user, sessionVersion } = result;
        return { id: user.id, name: user.name, email: user.email, sessionVersion };
      },
    }),
  ],
  callbacks: sessionCallbacks,
});
