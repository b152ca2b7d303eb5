// Sealing secrets: AES-256-GCM round trip, a fresh IV each time, tampering and a wrong purpose refused, keys
// named by id, old keys opening old values after a key change.
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import {
  isSealed,
  newSecretKeyText,
  openStored,
  parseSecretKey,
  requireBox,
  SecretBox,
} from './secret-box.ts';

const keyA = parseSecretKey(newSecretKeyText(), 'A');
const keyB = parseSecretKey('ab'.repeat(32), 'B');

describe('secret box', () => {
  it('opens what it sealed; the sealed text holds neither the secret nor a repeat of itself', () => {
    const box = new SecretBox(keyA);
    const secret = 'vk1.a.SECRET-token-value';
    const one = box.seal(secret, 'vk-token');
    const two = box.seal(secret, 'vk-token');
    expect(one).not.toContain('SECRET');
    expect(one).not.toBe(two);
    expect(one.startsWith(`v1.${keyA.id}.`)).toBe(true);
    expect(box.open(one, 'vk-token')).toBe(secret);
    expect(box.open(two, 'vk-token')).toBe(secret);
  });

  it('refuses an altered value, another purpose and an unknown key, naming the key', () => {
    const box = new SecretBox(keyA);
    const sealed = box.seal('token', 'vk-token');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    const altered = [...parts.slice(0, 4), body.toString('base64url')].join('.');
    expect(() => box.open(altered, 'vk-token')).toThrow(/does not open/);
    expect(() => box.open(sealed, 'oidc-secret')).toThrow(/does not open/);
    expect(() => new SecretBox(keyB).open(sealed, 'vk-token')).toThrow(new RegExp(keyA.id));
    expect(() => box.open('garbage', 'vk-token')).toThrow(AppError);
  });

  it('opens values of an old key after a change, and seals only with the current one', () => {
    const sealed = new SecretBox(keyA).seal('token', 'vk-token');
    const changed = new SecretBox(keyB, [keyA]);
    expect(changed.open(sealed, 'vk-token')).toBe('token');
    expect(SecretBox.keyOf(changed.seal('token', 'vk-token'))).toBe(keyB.id);
  });

  it('reads keys from the environment, and names the variable of a bad one', () => {
    const box = SecretBox.fromEnv({ PUBLICA_SECRET_KEY: 'ab'.repeat(32), PUBLICA_SECRET_KEYS_OLD: '' });
    expect(box?.current.id).toBe(keyB.id);
    expect(SecretBox.fromEnv({})).toBeNull();
    expect(() => SecretBox.fromEnv({ PUBLICA_SECRET_KEY: 'short' })).toThrow(
      /PUBLICA_SECRET_KEY: a key is 32/,
    );
    expect(() =>
      SecretBox.fromEnv({ PUBLICA_SECRET_KEY: 'ab'.repeat(32), PUBLICA_SECRET_KEYS_OLD: 'x,y' }),
    ).toThrow(/PUBLICA_SECRET_KEYS_OLD\[0\]/);
  });

  it('opens a stored setting when sealed, reads one stored before sealing began, and needs the key to seal', () => {
    const box = new SecretBox(keyA);
    const sealed = box.seal('callback-secret', 'vk-callback-secret');
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed('callback-secret')).toBe(false);
    expect(openStored(box, sealed, 'vk-callback-secret', 'secrets')).toBe('callback-secret');
    expect(openStored(null, 'plain-from-before', 'vk-callback-secret', 'secrets')).toBe('plain-from-before');
    expect(() => openStored(null, sealed, 'vk-callback-secret', 'Callback API secrets')).toThrow(
      /Callback API secrets are stored sealed: set PUBLICA_SECRET_KEY/,
    );
    // Sealed for one purpose, it does not open as another.
    expect(() => openStored(box, sealed, 'webhook-secret', 'secrets')).toThrow(/does not open/);
    expect(() => requireBox(null, 'webhook secrets')).toThrow(/webhook secrets are stored sealed/);
  });
});
