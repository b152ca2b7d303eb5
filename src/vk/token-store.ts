// VK tokens kept in the database, sealed with the key from PUBLICA_SECRET_KEY (platform/secret-box.ts): added,
// listed (never shown again), disabled, removed, and sealed again under a new key by `rotate`. Reading tokens
// join those of PUBLICA_VK_TOKENS in collections; a community token belongs to its page (publishing, answers).
import { type Db, inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { SecretBox } from '../platform/secret-box.ts';
import { type PoolTokenSpec, tokenKey } from './token-pool.ts';
import {
  deleteVkToken,
  findVkTokenClash,
  insertVkToken,
  listVkTokenRows,
  pageTokenKindRows,
  sealedTokens,
  setVkTokenDisabled,
  updateSealed,
  type VkTokenRow,
} from './token-store.repo.ts';

/** Bound into every sealed token: a value sealed for another purpose does not open as a VK token. */
const PURPOSE = 'vk-token';
const KINDS = ['user', 'service', 'community'] as const;
const LABEL = /^[\p{L}\p{N}_.-]{1,64}$/u;

export type VkTokenInput = {
  label: string;
  token: string;
  kind: string;
  perSecond?: number;
  dailyQuota?: Record<string, number>;
  pageId?: number;
  /** The scopes the token was granted (a page admin's user token: wall, photos, video, offline…). */
  scopes?: string[];
  /** Unix time the token expires (VK ID tokens do; `offline` ones of oauth.vk.com do not). */
  expiresAt?: number;
};

export type VkTokenInfo = {
  label: string;
  kind: string;
  perSecond: number | null;
  tokenKey: string;
  keyId: string;
  pageId: number | null;
  disabled: boolean;
  createdAt: number;
  scopes: string[] | null;
  expiresAt: number | null;
  /** What it is for: reading walls, a page's community token, or a page admin's user token (publishing). */
  role: 'reading' | 'community' | 'page-admin';
};

function needBox(box: SecretBox | null): SecretBox {
  if (!box)
    throw new AppError(
      'CONFIG',
      'VK tokens are stored sealed: set PUBLICA_SECRET_KEY (publica vk-token new-key makes one)',
    );
  return box;
}

function validate(input: VkTokenInput): asserts input is VkTokenInput & { kind: (typeof KINDS)[number] } {
  const problems: string[] = [];
  if (!LABEL.test(input.label)) problems.push('label: 1–64 letters, digits, "_", "." or "-"');
  if (!/^\S{8,512}$/.test(input.token)) problems.push('token: 8–512 characters without spaces');
  if (!(KINDS as readonly string[]).includes(input.kind)) problems.push(`kind: one of ${KINDS.join(', ')}`);
  if (input.kind === 'community' && input.pageId === undefined)
    problems.push('page: a community token belongs to a page (its id in Publica)');
  if (input.kind === 'service' && input.pageId !== undefined)
    problems.push(
      "page: a service token belongs to no page (a user token with a page is that page's admin's)",
    );
  if (input.scopes && !input.scopes.every((s) => /^[a-z_]{2,32}$/.test(s)))
    problems.push('scopes: names such as wall, photos, video, offline');
  if (input.expiresAt !== undefined && !(Number.isInteger(input.expiresAt) && input.expiresAt > 0))
    problems.push('expires: a unix time');
  if (problems.length) throw new AppError('VALIDATION', problems.join('; '));
}

export async function addVkToken(
  db: Db,
  box: SecretBox | null,
  input: VkTokenInput,
  now: number,
): Promise<VkTokenInfo> {
  validate(input);
  const sealer = needBox(box);
  const key = tokenKey(input.token);
  const clash = await findVkTokenClash(db, input.label, key);
  if (clash)
    throw new AppError(
      'CONFLICT',
      clash.label === input.label
        ? `a VK token labelled "${input.label}" is already stored`
        : `this VK token is already stored as "${clash.label}"`,
    );
  if (input.pageId !== undefined) {
    const page = await db.kysely
      .selectFrom('pages')
      .select('id')
      .where('id', '=', input.pageId)
      .executeTakeFirst();
    if (!page) throw new AppError('NOT_FOUND', `page: no page ${input.pageId}`);
  }
  const row = await insertVkToken(db, {
    label: input.label,
    kind: input.kind,
    per_second: input.perSecond ?? null,
    daily_quota_json: input.dailyQuota ? JSON.stringify(input.dailyQuota) : null,
    token_key: key,
    sealed: sealer.seal(input.token, PURPOSE),
    key_id: sealer.current.id,
    page_id: input.pageId ?? null,
    scopes: input.scopes ? input.scopes.join(',') : null,
    expires_at: input.expiresAt ?? null,
    disabled: 0,
    created_at: now,
    updated_at: now,
  });
  return info(row);
}

function info(r: VkTokenRow): VkTokenInfo {
  return {
    label: r.label,
    kind: r.kind,
    perSecond: r.per_second,
    tokenKey: r.token_key,
    keyId: r.key_id,
    pageId: r.page_id,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    scopes: r.scopes ? r.scopes.split(',') : null,
    expiresAt: r.expires_at,
    role: r.kind === 'community' ? 'community' : r.page_id !== null ? 'page-admin' : 'reading',
  };
}

/** What is stored, without the tokens: those are never shown again once added. */
export async function listVkTokens(db: Db): Promise<VkTokenInfo[]> {
  return (await listVkTokenRows(db)).map(info);
}

export async function removeVkToken(db: Db, label: string): Promise<void> {
  if (!(await deleteVkToken(db, label))) throw new AppError('NOT_FOUND', `no VK token labelled "${label}"`);
}

export async function disableVkToken(db: Db, label: string, disabled: boolean, now: number): Promise<void> {
  if (!(await setVkTokenDisabled(db, label, disabled, now)))
    throw new AppError('NOT_FOUND', `no VK token labelled "${label}"`);
}

/** Enabled reading tokens (user and service), opened for a collection; none stored, none needed. */
export async function storedReadingTokens(db: Db, box: SecretBox | null): Promise<PoolTokenSpec[]> {
  // A page admin's user token was granted for that page's publishing, not for reading everyone's walls.
  const rows = (await sealedTokens(db)).filter((r) => r.kind !== 'community' && r.page_id === null);
  if (rows.length === 0) return [];
  const opener = needBox(box);
  return rows.map((r) => ({
    token: opener.open(r.sealed, PURPOSE),
    kind: r.kind,
    ...(r.per_second ? { perSecond: r.per_second } : {}),
    ...(r.daily_quota_json ? { dailyQuota: JSON.parse(r.daily_quota_json) as Record<string, number> } : {}),
  }));
}

/** Every enabled stored token, opened, with its label, scopes and page: for `publica vk check` only. */
export async function openStoredTokens(db: Db, box: SecretBox | null) {
  const rows = await sealedTokens(db);
  if (rows.length === 0) return [];
  const opener = needBox(box);
  return rows.map((r) => ({
    label: r.label,
    kind: r.kind as (typeof KINDS)[number],
    token: opener.open(r.sealed, PURPOSE),
    scopes: r.scopes ? r.scopes.split(',') : null,
    pageId: r.page_id,
  }));
}

/** The given tokens and the stored reading tokens, each token once (a stored one may also be in the env). */
export async function withStoredTokens(
  db: Db,
  box: SecretBox | null,
  given: PoolTokenSpec[],
): Promise<PoolTokenSpec[]> {
  return uniqueTokens([...given, ...(await storedReadingTokens(db, box))]);
}

/** Each token once, the first spec of it kept. */
export function uniqueTokens(specs: PoolTokenSpec[]): PoolTokenSpec[] {
  return specs.filter((spec, i) => specs.findIndex((s) => s.token === spec.token) === i);
}

/** The page's enabled community token, opened; null when it has none. */
export async function communityTokenOf(
  db: Db,
  box: SecretBox | null,
  pageId: number,
): Promise<string | null> {
  const row = (await sealedTokens(db)).find((r) => r.kind === 'community' && r.page_id === pageId);
  return row ? needBox(box).open(row.sealed, PURPOSE) : null;
}

/** The tokens a page publishes and answers with: its community token and its admin's user token, opened. */
export async function pageTokensOf(
  db: Db,
  box: SecretBox | null,
  pageId: number,
): Promise<{ community: string | null; user: string | null }> {
  const rows = (await sealedTokens(db)).filter((r) => r.page_id === pageId);
  const open = (kind: string) => {
    const row = rows.find((r) => r.kind === kind);
    return row ? needBox(box).open(row.sealed, PURPOSE) : null;
  };
  return { community: open('community'), user: open('user') };
}

/** Which of its own tokens a page has (enabled), without opening any: what its drafts can be published with. */
export async function pageTokenKinds(db: Db, pageId: number): Promise<{ community: boolean; user: boolean }> {
  const kinds = await pageTokenKindRows(db, pageId);
  return { community: kinds.includes('community'), user: kinds.includes('user') };
}

/**
 * Seals every token again under the current key, in one transaction: all or none. Old keys must still be in
 * PUBLICA_SECRET_KEYS_OLD to open what they sealed; afterwards they can go.
 */
export async function rotateVkTokens(
  db: Db,
  box: SecretBox | null,
  now: number,
): Promise<{ resealed: number; unchanged: number }> {
  const sealer = needBox(box);
  return inTransaction(db, async (tx) => {
    let resealed = 0;
    let unchanged = 0;
    for (const row of await sealedTokens(tx, { includeDisabled: true })) {
      if (SecretBox.keyOf(row.sealed) === sealer.current.id) {
        unchanged++;
        continue;
      }
      const sealed = sealer.seal(sealer.open(row.sealed, PURPOSE), PURPOSE);
      await updateSealed(tx, row.id, sealed, sealer.current.id, now);
      resealed++;
    }
    return { resealed, unchanged };
  });
}
