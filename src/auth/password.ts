// Passwords: argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes), a length policy, and
// generated passwords for accounts an admin creates or resets.
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../platform/errors.ts';

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash of nothing, so an unknown login costs as much time as a wrong password.
const decoy = hash(crypto.randomBytes(16).toString('hex'));

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

export function checkPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AppError('VALIDATION', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`, [
      { path: field, message: `at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
}

/** 16 characters without look-alikes (0/O, 1/l/I), readable over the phone. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(crypto.randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
}

export function randomSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
