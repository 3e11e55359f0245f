import { and, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { db } from '../client';
import { loginThrottle, users } from '../schema';
import { normalizeEmail, verifyUserPassword, type PublicUser } from './users';

/**
 * Failed sign-ins are counted per account (e-mail, known or not) and per client address. From the
 * `limit`-th failure in a row a key is locked: 30 s, then twice as long with every further failure,
 * at most 15 min. Attempts while locked are refused without checking the password and are not
 * counted. A successful sign-in clears the account's count. An account's count is forgotten after
 * an hour without failures, an address's after 15 min; the address limit is higher, since a lecture
 * hall behind one address has a few hundred people signing in (and some mistyping) at once.
 */
export const LOGIN_THROTTLE = {
  accountLimit: 5,
  addressLimit: 30,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  accountForgetAfterMs: 60 * 60_000,
  addressForgetAfterMs: 15 * 60_000,
} as const;

export type SignInResult = { ok: true; user: PublicUser; sessionVersion: number } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAt: Date };

type Key = { key: string; limit: number; forgetAfterMs: number };

function throttleKeys(email: string, address: string | null): { account: Key; address: Key | null } {
  return {
    account: { key: `email:${normalizeEmail(email)}`, limit: LOGIN_THROTTLE.accountLimit, forgetAfterMs: LOGIN_THROTTLE.accountForgetAfterMs },
    address: address ? { key: `ip:${address}`, limit: LOGIN_THROTTLE.addressLimit, forgetAfterMs: LOGIN_THROTTLE.addressForgetAfterMs } : null,
  };
}

/**
 * Counts one attempt against `key` before the password is checked (so a burst of parallel
 * attempts cannot all slip past the limit) unless the key is locked; null when it is.
 * One statement: the row lock of the upsert serializes concurrent attempts on a key.
 */
async function claimAttempt({ key, limit, forgetAfterMs }: Key, now: Date): Promise<{ failures: number } | null> {
  const nowIso = now.toISOString();
  const forgetBefore = new Date(now.getTime() - forgetAfterMs).toISOString();
  const failures = sql`(case when ${loginThrottle.lastFailureAt} < ${forgetBefore}::timestamptz then 1 else ${loginThrottle.failures} + 1 end)`;
  const lockFor = (count: ReturnType<typeof sql>) => sql`(case when ${count} >= ${limit}
    then ${nowIso}::timestamptz + least(${LOGIN_THROTTLE.maxLockMs}, ${LOGIN_THROTTLE.firstLockMs} * power(2, ${count} - ${limit})) * interval '1 millisecond'
    else null end)`;
  const [row] = await db()
    .insert(loginThrottle)
    .values({ key, failures: 1, lastFailureAt: now, lockedUntil: limit <= 1 ? new Date(now.getTime() + LOGIN_THROTTLE.firstLockMs) : null })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: { failures, lastFailureAt: now, lockedUntil: lockFor(failures) },
      setWhere: or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, now)),
    })
    .returning({ failures: loginThrottle.failures });
  return row ?? null;
}

/** Takes back one counted attempt (it succeeded, or another key refused it), and the lock it set. */
async function releaseAttempt({ key, limit }: Key): Promise<void> {
  await db()
    .update(loginThrottle)
    .set({
      failures: sql`greatest(${loginThrottle.failures} - 1, 0)`,
      lockedUntil: sql`case when ${loginThrottle.failures} - 1 >= ${limit} then ${loginThrottle.lockedUntil} else null end`,
    })
    .where(eq(loginThrottle.key, key));
}

/** When the later of the account's and the address's locks ends, if either is locked at `now`. */
export async function selectSignInLock(email: string, address: string | null, now = new Date()): Promise<Date | null> {
  const { account, address: addressKey } = throttleKeys(email, address);
  const keys = addressKey ? [account.key, addressKey.key] : [account.key];
  const rows = await db()
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), gt(loginThrottle.lockedUntil, now)));
  const ends = rows.map((row) => row.lockedUntil!.getTime());
  return ends.length ? new Date(Math.max(...ends)) : null;
}

/**
 * The one way to sign in with a password: throttled as described at LOGIN_THROTTLE, and an unknown
 * e-mail is indistinguishable from a wrong password (same answer, a dummy hash checked for time).
 * `address` is the client's address, null if unknown (then only the account is throttled).
 */
export async function signInWithPassword(email: string, password: string, address: string | null, now = new Date()): Promise<SignInResult> {
  const keys = throttleKeys(email, address);
  const refused = async (): Promise<SignInResult> => ({
    ok: false,
    reason: 'throttled',
    retryAt: (await selectSignInLock(email, address, now)) ?? new Date(now.getTime() + LOGIN_THROTTLE.firstLockMs),
  });
  if (keys.address && !(await claimAttempt(keys.address, now))) return refused();
  if (!(await claimAttempt(keys.account, now))) {
    if (keys.address) await releaseAttempt(keys.address);
    return refused();
  }
  if (Math.random() < 0.01) await forgetOldFailures(now);

  const check = await verifyUserPassword(email, password);
  if (!check.ok) return { ok: false, reason: 'invalid' };
  await db().delete(loginThrottle).where(eq(loginThrottle.key, keys.account.key));
  if (keys.address) await releaseAttempt(keys.address);
  const sessionVersion = await selectSessionVersion(check.user.id);
  return { ok: true, user: check.user, sessionVersion: sessionVersion ?? 0 };
}

/** Rows nobody needs any more (unknown e-mails tried once leave one each). */
async function forgetOldFailures(now: Date): Promise<void> {
  await db()
    .delete(loginThrottle)
    .where(and(lt(loginThrottle.lastFailureAt, new Date(now.getTime() - LOGIN_THROTTLE.accountForgetAfterMs)), or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now))));
}

/** The version a session token of this user must carry; null when the user no longer exists. */
export async function selectSessionVersion(userId: string): Promise<number | null> {
  const [row] = await db().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row?.sessionVersion ?? null;
}

/** Ends every session of the user: tokens carrying an older version are refused from now on. */
export async function bumpSessionVersion(userId: string): Promise<number | null> {
  const [row] = await db()
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? null;
}
