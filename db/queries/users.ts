import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '../client';
import { hashPassword, verifyPassword } from '../password';
import { users } from '../schema';
import { isUniqueViolation, Refusal } from './errors';

export type PublicUser = { id: string; email: string; name: string; isAdmin: boolean };

const publicColumns = { id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function insertUser(input: { email: string; name: string; password: string; isAdmin?: boolean }): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    const [user] = await db()
      .insert(users)
      .values({ email: normalizeEmail(input.email), name: input.name.trim(), passwordHash, isAdmin: input.isAdmin ?? false })
      .returning(publicColumns);
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw new Refusal('conflict', 'An account with this e-mail already exists.');
    throw error;
  }
}

let dummyHashPromise: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummyHashPromise ??= hashPassword(randomBytes(18).toString('base64'));
  return dummyHashPromise;
}

/** Callers that answer users must not tell the two reasons apart (see signInWithPassword). */
export type PasswordCheck = { ok: true; user: PublicUser } | { ok: false; reason: 'unknown_email' | 'wrong_password' };

export async function verifyUserPassword(email: string, password: string): Promise<PasswordCheck> {
  const [row] = await db()
    .select({ ...publicColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  if (!row) {
    // As slow as checking a real hash, so the time taken does not tell which e-mails have accounts.
    await verifyPassword(await dummyHash(), password);
    return { ok: false, reason: 'unknown_email' };
  }
  if (!(await verifyPassword(row.passwordHash, password))) return { ok: false, reason: 'wrong_password' };
  return { ok: true, user: { id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin } };
}

export async function selectUser(id: string): Promise<PublicUser | null> {
  const [user] = await db().select(publicColumns).from(users).where(eq(users.id, id));
  return user ?? null;
}

export async function selectUserByEmail(email: string): Promise<PublicUser | null> {
  const [user] = await db()
    .select(publicColumns)
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return user ?? null;
}
