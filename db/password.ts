import { hash, verify } from '@node-rs/argon2';

// A handful of the passwords every breach list starts with; length rules alone let these through.
const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'password123',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'abcdefghij',
  'passw0rd123',
  'tensorgrade',
  'qwerty12345',
  '0123456789',
]);

export const MIN_PASSWORD_LENGTH = 10;

/** Returns null for an acceptable password, otherwise a message the user can act on. */
export function checkPasswordStrength(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 256) return 'Use at most 256 characters.';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'This password is too common; choose another.';
  if (new Set(password).size < 4) return 'Use more varied characters.';
  const localPart = email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 3 && lower.includes(localPart)) {
    return 'The password must not contain your e-mail name.';
  }
  return null;
}

/** Stored for accounts that sign in only through an LMS: not an argon2 hash, so no password ever verifies. */
export const NO_PASSWORD = '!no-password';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
