import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { db } from '@/db/client';
import { loginThrottle } from '@/db/schema';
import { insertUser, verifyUserPassword } from '@/db/queries/users';
import { LOGIN_THROTTLE, selectSignInLock, signInWithPassword, type SignInResult } from '@/db/queries/sessions';
import { signInRefusal, WRONG_CREDENTIALS } from '@/app/login/login.types';

let drop: () => Promise<void>;
beforeAll(async () => ({ drop } = await createTestDatabase()));
afterAll(async () => drop());

const password = 'correct horse battery';
const wrong = 'wrong horse battery';
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

function refusal(result: SignInResult, now: Date): string | null {
  if (result.ok) return null;
  return signInRefusal(result.reason === 'throttled' ? result.retryAt : null, now);
}

describe('sign-in throttle', () => {
  it('refuses the 6th attempt after 5 wrong passwords, even with the right password, until the lock ends', async () => {
    const user = await insertUser({ email: 'ada@uni.test', name: 'Ada', password });
    const t0 = new Date();
    for (let i = 0; i < LOGIN_THROTTLE.accountLimit; i++) {
      expect(await signInWithPassword('ada@uni.test', wrong, '10.0.0.1', at(t0, i))).toEqual({ ok: false, reason: 'invalid' });
    }
    // The 5th failure set a 30 s lock on the account, whatever the address.
    const lockEnd = at(t0, LOGIN_THROTTLE.accountLimit - 1 + LOGIN_THROTTLE.firstLockMs);
    expect(await selectSignInLock('ADA@uni.test', null, at(t0, 10))).toEqual(lockEnd);
    const refused = await signInWithPassword('ada@uni.test', password, '10.0.0.2', at(t0, 1_000));
    expect(refused).toEqual({ ok: false, reason: 'throttled', retryAt: lockEnd });
    expect(refusal(refused, at(t0, 1_000))).toBe('Too many failed sign-ins. Try again in 30 seconds.');
    // Refused attempts are not counted: the lock did not grow.
    expect(await selectSignInLock('ada@uni.test', null, at(t0, 1_001))).toEqual(lockEnd);

    const ok = await signInWithPassword('ada@uni.test', password, '10.0.0.2', at(lockEnd, 1));
    expect(ok).toEqual({ ok: true, user, sessionVersion: 0 });
    // Success resets the account's counter.
    expect(await db().select().from(loginThrottle).where(eq(loginThrottle.key, 'email:ada@uni.test'))).toEqual([]);
    expect(await signInWithPassword('ada@uni.test', wrong, '10.0.0.2', at(lockEnd, 2))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('doubles the lock with every further failure, up to 15 minutes', async () => {
    await insertUser({ email: 'bob@uni.test', name: 'Bob', password });
    let now = new Date();
    const locks: number[] = [];
    for (let i = 0; i < 12; i++) {
      expect(await signInWithPassword('bob@uni.test', wrong, null, now)).toEqual({ ok: false, reason: 'invalid' });
      const lock = await selectSignInLock('bob@uni.test', null, now);
      if (lock) {
        locks.push(lock.getTime() - now.getTime());
        now = at(lock, 1);
      } else {
        now = at(now, 1_000);
      }
    }
    const s = 1_000;
    expect(locks).toEqual([30 * s, 60 * s, 120 * s, 240 * s, 480 * s, 900 * s, 900 * s, 900 * s]);
  });

  it('answers an unknown e-mail exactly like a wrong password, in about the same time, and throttles it too', async () => {
    await insertUser({ email: 'cy@uni.test', name: 'Cy', password });
    const now = new Date();
    const unknown = await signInWithPassword('nobody@uni.test', password, null, now);
    const wrongPassword = await signInWithPassword('cy@uni.test', wrong, null, now);
    expect(unknown).toEqual(wrongPassword);
    expect(refusal(unknown, now)).toBe(WRONG_CREDENTIALS);
    expect(refusal(wrongPassword, now)).toBe(WRONG_CREDENTIALS);

    // verifyUserPassword checks a dummy hash when the e-mail is unknown.
    const time = async (email: string) => {
      const started = performance.now();
      await verifyUserPassword(email, wrong);
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const unknownMs: number[] = [];
    const wrongMs: number[] = [];
    for (let i = 0; i < 7; i++) {
      unknownMs.push(await time(`nobody${i}@uni.test`));
      wrongMs.push(await time('cy@uni.test'));
    }
    const ratio = median(unknownMs) / median(wrongMs);
    console.log(`verifyUserPassword median: unknown e-mail ${median(unknownMs).toFixed(1)} ms, wrong password ${median(wrongMs).toFixed(1)} ms`);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);

    for (let i = 1; i < LOGIN_THROTTLE.accountLimit; i++) await signInWithPassword('nobody@uni.test', password, null, at(now, i));
    expect(await signInWithPassword('nobody@uni.test', password, null, at(now, 10))).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('throttles an address trying many accounts, and not the accounts elsewhere', async () => {
    await insertUser({ email: 'dee@uni.test', name: 'Dee', password });
    const now = new Date();
    for (let i = 0; i < LOGIN_THROTTLE.addressLimit; i++) {
      expect(await signInWithPassword(`guess${i}@uni.test`, wrong, '203.0.113.9', at(now, i))).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signInWithPassword('dee@uni.test', password, '203.0.113.9', at(now, 100))).toMatchObject({ ok: false, reason: 'throttled' });
    // The refused attempt did not count against Dee's account.
    expect(await db().select().from(loginThrottle).where(eq(loginThrottle.key, 'email:dee@uni.test'))).toEqual([]);
    expect(await signInWithPassword('dee@uni.test', password, '198.51.100.7', at(now, 100))).toMatchObject({ ok: true });
  });

  it('lets through at most the limit of a burst of parallel attempts', async () => {
    await insertUser({ email: 'eve@uni.test', name: 'Eve', password });
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 20 }, () => signInWithPassword('eve@uni.test', wrong, null, now)));
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
    expect(checked).toBe(LOGIN_THROTTLE.accountLimit);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(20 - LOGIN_THROTTLE.accountLimit);
  });
});
