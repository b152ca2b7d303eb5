// Secrets at rest (VK tokens): AES-256-GCM with a key from the environment, never from the database. A sealed
// value names the key it was sealed with ("v1.<key id>.<iv>.<tag>.<ciphertext>", base64url), so after a key
// change the old key, kept in PUBLICA_SECRET_KEYS_OLD, still opens old values until `publica vk-token rotate`
// has sealed them all again under the new one. The purpose (e.g. "vk-token") is bound in as associated data:
// a value sealed for one purpose does not open as another.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors.ts';

const VERSION = 'v1';

export type SecretKey = { id: string; key: Buffer };

/** A key from its text: 32 bytes as 64 hex digits or as base64; `name` is the variable it came from. */
export function parseSecretKey(text: string, name: string): SecretKey {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32)
    throw new AppError(
      'CONFIG',
      `${name}: a key is 32 random bytes, as 64 hex digits or base64 (publica vk-token new-key makes one)`,
    );
  return { id: crypto.createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

export function newSecretKeyText(): string {
  return crypto.randomBytes(32).toString('base64');
}

export class SecretBox {
  private readonly byId: Map<string, Buffer>;

  /** `current` seals; it and `previous` open. */
  constructor(
    readonly current: SecretKey,
    previous: SecretKey[] = [],
  ) {
    this.byId = new Map([...previous, current].map((k) => [k.id, k.key]));
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): SecretBox | null {
    const current = env.PUBLICA_SECRET_KEY;
    if (!current) return null;
    const previous = (env.PUBLICA_SECRET_KEYS_OLD ?? '')
      .split(',')
      .filter((k) => k.trim())
      .map((k, i) => parseSecretKey(k, `PUBLICA_SECRET_KEYS_OLD[${i}]`));
    return new SecretBox(parseSecretKey(current, 'PUBLICA_SECRET_KEY'), previous);
  }

  seal(plain: string, purpose: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
    return [VERSION, this.current.id, ...parts].join('.');
  }

  open(sealed: string, purpose: string): string {
    const [version, keyId, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !keyId || !iv || !tag || body === undefined)
      throw new AppError('VALIDATION', 'a sealed secret is malformed');
    const key = this.byId.get(keyId);
    if (!key)
      throw new AppError(
        'CONFIG',
        `a secret is sealed with key ${keyId}, which is neither PUBLICA_SECRET_KEY nor in PUBLICA_SECRET_KEYS_OLD`,
      );
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new AppError(
        'VALIDATION',
        `a secret sealed with key ${keyId} does not open: altered or misplaced`,
      );
    }
  }

  /** The id of the key a sealed value names. */
  static keyOf(sealed: string): string | undefined {
    return sealed.split('.')[1];
  }
}

/**
 * The embedded default's key, when PUBLICA_SECRET_KEY is not set: made once into `file` (mode 600) beside the
 * database. Whoever copies the data folder has the key too; production sets PUBLICA_SECRET_KEY instead.
 */
export function secretBoxFromFile(file: string): SecretBox {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${newSecretKeyText()}\n`, { mode: 0o600, flag: 'wx' });
  }
  return new SecretBox(parseSecretKey(fs.readFileSync(file, 'utf8'), file));
}

/** Whether a stored value is sealed; a setting stored before sealing began is plain text. */
export function isSealed(value: string): boolean {
  return /^v1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]*$/.test(value);
}

/** The box a sealed setting needs; `what` names the setting in the error. */
export function requireBox(box: SecretBox | null, what: string): SecretBox {
  if (!box)
    throw new AppError(
      'CONFIG',
      `${what} are stored sealed: set PUBLICA_SECRET_KEY (publica vk-token new-key makes one)`,
    );
  return box;
}

/** A stored secret in the clear: opened when sealed, as it is when stored before sealing began. */
export function openStored(box: SecretBox | null, stored: string, purpose: string, what: string): string {
  return isSealed(stored) ? requireBox(box, what).open(stored, purpose) : stored;
}
