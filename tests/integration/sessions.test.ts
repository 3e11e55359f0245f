import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JWT } from 'next-auth/jwt';
import { createTestDatabase } from './test-db';
import { insertUser } from '@/db/queries/users';
import { bumpSessionVersion, selectSessionVersion, signInWithPassword } from '@/db/queries/sessions';

// auth.ts as the app has it; only the Next-bound wrappers around it are stubbed (they need a request).
vi.mock('server-only', () => ({}));
vi.mock('next-auth', () => ({ default: () => ({}), CredentialsSignin: class extends Error {} }));
vi.mock('next-auth/providers/credentials', () => ({ default: (options: unknown) => options }));
const { sessionCallbacks } = await import('@/auth');

let drop: () => Promise<void>;
beforeAll(async () => ({ drop } = await createTestDatabase()));
afterAll(async () => drop());

const password = 'correct horse battery';

/** What Auth.js does with a cookie's token on every auth(): the jwt callback, null = signed out. */
async function readToken(token: JWT): Promise<JWT | null> {
  return (await sessionCallbacks.jwt({ token } as Parameters<typeof sessionCallbacks.jwt>[0])) as JWT | null;
}

async function signInToken(email: string): Promise<JWT> {
  const result = await signInWithPassword(email, password, null);
  if (!result.ok) throw new Error('sign-in refused');
  const user = { id: result.user.id, name: result.user.name, email: result.user.email, sessionVersion: result.sessionVersion };
  const token = await sessionCallbacks.jwt({ token: { name: user.name, email: user.email }, user } as Parameters<typeof sessionCallbacks.jwt>[0]);
  return token as JWT;
}

describe('session version', () => {
  it('puts the version into the token at sign-in; bumping it signs out every token issued before', async () => {
    const ada = await insertUser({ email: 'ada@uni.test', name: 'Ada', password });
    const bob = await insertUser({ email: 'bob@uni.test', name: 'Bob', password });
    const laptop = await signInToken('ada@uni.test');
    const phone = await signInToken('ada@uni.test');
    const bobs = await signInToken('bob@uni.test');
    expect(laptop).toMatchObject({ sub: ada.id, sessionVersion: 0 });
    expect(await readToken(laptop)).toEqual(laptop);
    expect(await readToken(phone)).toEqual(phone);

    // Signing out (on any device) ends every session of that user, copies of the cookie included.
    expect(await bumpSessionVersion(ada.id)).toBe(1);
    expect(await readToken(laptop)).toBeNull();
    expect(await readToken(phone)).toBeNull();
    expect(await readToken(bobs)).toEqual(bobs);
    expect(await selectSessionVersion(bob.id)).toBe(0);

    // Signing in again gives a token with the new version.
    const again = await signInToken('ada@uni.test');
    expect(again.sessionVersion).toBe(1);
    expect(await readToken(again)).toEqual(again);
  });

  it('treats a token without a version (issued before versions existed) or of a deleted user as signed out', async () => {
    const cy = await insertUser({ email: 'cy@uni.test', name: 'Cy', password });
    expect(await readToken({ sub: cy.id })).toBeNull();
    expect(await readToken({ sub: '00000000-0000-4000-8000-000000000000', sessionVersion: 0 })).toBeNull();
    expect(await bumpSessionVersion('00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
