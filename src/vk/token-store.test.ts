// Stored VK tokens on both dialects: sealed in the database, listed without the token, refused with the field
// named when wrong, joined to the given tokens once each, and sealed again under a new key by `rotate`.
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db.ts';
import { newSecretKeyText, parseSecretKey, SecretBox } from '../platform/secret-box.ts';
import {
  addVkToken,
  communityTokenOf,
  disableVkToken,
  listVkTokens,
  removeVkToken,
  rotateVkTokens,
  storedReadingTokens,
  withStoredTokens,
} from './token-store.ts';

const keyA = parseSecretKey(newSecretKeyText(), 'A');
const keyB = parseSecretKey(newSecretKeyText(), 'B');
const NOW = 1_790_000_000;
const READER = 'vk1.a.reader-token-0001';

describeEachDialect('stored VK tokens', (ctx) => {
  const sealedColumn = async () =>
    (await ctx.db.kysely.selectFrom('vk_tokens').select(['label', 'sealed', 'key_id']).execute()).map(
      (r) => `${r.label} ${r.sealed} ${r.key_id}`,
    );

  it('stores a token sealed: the database never holds it, the list never shows it', async () => {
    const box = new SecretBox(keyA);
    await addVkToken(ctx.db, box, { label: 'reader-1', token: READER, kind: 'user', perSecond: 3 }, NOW);
    expect((await sealedColumn()).join()).not.toContain(READER);
    const list = await listVkTokens(ctx.db);
    expect(list).toMatchObject([{ label: 'reader-1', kind: 'user', perSecond: 3, keyId: keyA.id }]);
    expect(JSON.stringify(list)).not.toContain(READER);
    expect(await storedReadingTokens(ctx.db, box)).toEqual([{ token: READER, kind: 'user', perSecond: 3 }]);
  });

  it('refuses bad input naming the field, a second copy, and storing without a key', async () => {
    const box = new SecretBox(keyA);
    await expect(
      addVkToken(ctx.db, box, { label: 'bad label!', token: 'short', kind: 'robot' }, NOW),
    ).rejects.toThrow(/label: .*; token: .*; kind: one of user, service, community/);
    await expect(
      addVkToken(ctx.db, box, { label: 'c', token: READER, kind: 'community' }, NOW),
    ).rejects.toThrow(/page: a community token belongs to a page/);
    await addVkToken(ctx.db, box, { label: 'one', token: READER, kind: 'user' }, NOW);
    await expect(addVkToken(ctx.db, box, { label: 'two', token: READER, kind: 'user' }, NOW)).rejects.toThrow(
      /already stored as "one"/,
    );
    await expect(
      addVkToken(ctx.db, box, { label: 'one', token: `${READER}x`, kind: 'user' }, NOW),
    ).rejects.toThrow(/labelled "one" is already stored/);
    await expect(
      addVkToken(ctx.db, null, { label: 'k', token: `${READER}y`, kind: 'user' }, NOW),
    ).rejects.toThrow(/set PUBLICA_SECRET_KEY/);
    expect((await listVkTokens(ctx.db)).map((t) => t.label)).toEqual(['one']);
  });

  it('reads enabled reading tokens only, joined to given ones once each; community tokens by page', async () => {
    const box = new SecretBox(keyA);
    const page = await ctx.db.kysely
      .insertInto('pages')
      .values({
        platform: 'vk',
        url: 'https://vk.com/club1',
        status: 'active',
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addVkToken(ctx.db, box, { label: 'r', token: READER, kind: 'user' }, NOW);
    await addVkToken(ctx.db, box, { label: 's', token: 'service-token-2', kind: 'service' }, NOW);
    await addVkToken(
      ctx.db,
      box,
      { label: 'c', token: 'community-token-3', kind: 'community', pageId: page.id },
      NOW,
    );
    await disableVkToken(ctx.db, 's', true, NOW);
    const given = [{ token: READER, kind: 'user' as const, perSecond: 9 }];
    expect(await withStoredTokens(ctx.db, box, given)).toEqual(given);
    await disableVkToken(ctx.db, 's', false, NOW);
    expect((await withStoredTokens(ctx.db, box, given)).map((t) => t.token)).toEqual([
      READER,
      'service-token-2',
    ]);
    expect(await communityTokenOf(ctx.db, box, page.id)).toBe('community-token-3');
    expect(await communityTokenOf(ctx.db, box, page.id + 1)).toBeNull();
    await removeVkToken(ctx.db, 'c');
    await expect(removeVkToken(ctx.db, 'c')).rejects.toThrow(/no VK token labelled "c"/);
  });

  it('seals every token again under a new key; then the old key is no longer needed', async () => {
    await addVkToken(ctx.db, new SecretBox(keyA), { label: 'r', token: READER, kind: 'user' }, NOW);
    await addVkToken(
      ctx.db,
      new SecretBox(keyA),
      { label: 's', token: 'service-token-2', kind: 'service' },
      NOW,
    );
    await expect(storedReadingTokens(ctx.db, new SecretBox(keyB))).rejects.toThrow(
      new RegExp(`sealed with key ${keyA.id}`),
    );
    const before = await sealedColumn();
    expect(await rotateVkTokens(ctx.db, new SecretBox(keyB, [keyA]), NOW + 1)).toEqual({
      resealed: 2,
      unchanged: 0,
    });
    const after = await sealedColumn();
    expect(after.every((row) => row.endsWith(keyB.id))).toBe(true);
    expect(after).not.toEqual(before);
    const tokens = await storedReadingTokens(ctx.db, new SecretBox(keyB));
    expect(tokens.map((t) => t.token)).toEqual([READER, 'service-token-2']);
    expect(await rotateVkTokens(ctx.db, new SecretBox(keyB), NOW + 2)).toEqual({ resealed: 0, unchanged: 2 });
  });
});
