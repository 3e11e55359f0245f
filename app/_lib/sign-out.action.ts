'use server';

import { auth, signOut } from '@/auth';
import { bumpSessionVersion } from '@/db/queries/sessions';

/**
 * Ends every session of the user, not only this browser's cookie: the token is stateless, so a
 * copy of it (another device, a stolen cookie) would otherwise keep working until it expires.
 */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.user?.id) await bumpSessionVersion(session.user.id);
  await signOut({ redirectTo: '/login' });
}
