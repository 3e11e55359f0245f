import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, NO_PASSWORD, verifyPassword } from './password';

describe('checkPasswordStrength', () => {
  it('explains what is wrong with a weak password', () => {
    expect(checkPasswordStrength('short')).toMatch(/at least 10 characters/);
    expect(checkPasswordStrength('password123')).toMatch(/too common/);
    expect(checkPasswordStrength('aaaaaaaaaaaa')).toMatch(/varied/);
    expect(checkPasswordStrength('ada.lovelace-1815', 'ada.lovelace@uni.test')).toMatch(/e-mail name/);
  });

  it('accepts a reasonable passphrase', () => {
    expect(checkPasswordStrength('correct horse battery', 'ada@uni.test')).toBeNull();
  });
});

describe('hashPassword', () => {
  it('salts every hash and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(a, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
    expect(await verifyPassword(NO_PASSWORD, NO_PASSWORD)).toBe(false);
    expect(await verifyPassword(NO_PASSWORD, '')).toBe(false);
  });
});
