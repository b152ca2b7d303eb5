import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/db.ts';
import { buildVkSim, generateWorld, readWorld, type VkSim, writeWorld } from '../vk-sim/index.ts';
import { PoolExhaustedError, TokenPool } from './token-pool.ts';
import { classify, VkApiError, VkTransportError } from './vk-client.ts';

const world = generateWorld({ institutions: 40, regions: 1, seed: 2, asOf: '2026-11-29', days: 30 });
const open = world.communities.find((c) => !c.deactivated && c.is_closed === 0);
let sim: VkSim;
let baseUrl: string;

beforeAll(async () => {
  const dir = tempDir();
  writeWorld(dir, world);
  sim = await buildVkSim({
    world: readWorld(dir),
    tokens: [
      { token: 'a', kind: 'user', perSecond: 100, dailyQuota: { 'wall.get': 2 } },
      { token: 'b', kind: 'user', perSecond: 100, dailyQuota: { 'wall.get': 2 } },
      { token: 'svc', kind: 'service', perSecond: 100 },
      { token: 'thrifty', kind: 'user', perSecond: 100, dailyQuota: { 'wall.get': 3 } },
      { token: 'plenty', kind: 'user', perSecond: 100 },
      { token: 'paced', kind: 'user', perSecond: 20 },
    ],
  });
  baseUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => sim.app.close());

describe('error classes', () => {
  it('sort VK errors and transport failures into what the collector does', () => {
    expect(classify(new VkApiError(6, 'wall.get', ''))).toBe('retry');
    expect(classify(new VkApiError(9, 'wall.get', ''))).toBe('retry');
    expect(classify(new VkApiError(10, 'wall.get', ''))).toBe('retry');
    expect(classify(new VkTransportError('truncated', ''))).toBe('retry');
    expect(classify(new VkApiError(29, 'wall.get', ''))).toBe('quota');
    expect(classify(new VkApiError(5, 'wall.get', ''))).toBe('auth');
    for (const code of [15, 18, 30])
      expect(classify(new VkApiError(code, 'wall.get', ''))).toBe('inaccessible');
    expect(classify(new VkApiError(100, 'wall.get', ''))).toBe('fatal');
  });
});

describe('token pool', () => {
  it('keeps to the token’s per-second window as VK counts it: a burst of calls is never refused with 6', async () => {
    // Two pools of the same token in one process share its window (a collection and the publisher together).
    const pools = [0, 1].map(
      () => new TokenPool([{ token: 'paced', kind: 'user', perSecond: 20 }], { baseUrl, maxRetries: 0 }),
    );
    const started = Date.now();
    const calls = Array.from({ length: 60 }, (_, i) =>
      pools[i % 2]?.call('groups.getById', { group_ids: String(open?.id ?? 1) }),
    );
    await Promise.all(calls);
    // 60 calls at 20 a second: the first 20 at once, each next one a second after an answer came back.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(sim.tokens.tooFast.get('paced') ?? 0).toBe(0);
    expect((pools[0]?.requests ?? 0) + (pools[1]?.requests ?? 0)).toBe(60);
  });

  it("moves to another token when one's daily quota is spent, and says so when all are", async () => {
    const pool = new TokenPool(
      [
        { token: 'a', kind: 'user', perSecond: 100 },
        { token: 'b', kind: 'user', perSecond: 100 },
      ],
      { baseUrl, backoffMs: 1 },
    );
    const call = () => pool.call('wall.get', { owner_id: -(open?.id ?? 0), count: 1 });
    for (let i = 0; i < 4; i++) await call();
    await expect(call()).rejects.toBeInstanceOf(PoolExhaustedError);
    expect(pool.errors.get('vk_29')).toBeGreaterThan(0);
  });

  it('parks a token refused with error 29 inside execute: no later batch is sent with it', async () => {
    // Publica believes the token has 5,000 wall.get calls today; VK has only 3 left for it.
    const pool = new TokenPool(
      [
        { token: 'thrifty', kind: 'user', perSecond: 100 },
        { token: 'plenty', kind: 'user', perSecond: 100 },
      ],
      { baseUrl, backoffMs: 1 },
    );
    const refused = async () =>
      Number((await sim.app.inject({ url: '/admin/stats' })).json().overQuota.thrifty ?? 0);
    const batch = Array.from({ length: 25 }, () => ({
      method: 'wall.get',
      params: { owner_id: -(open?.id ?? 0), count: 1 },
    }));
    for (let i = 0; i < 6; i++) {
      const results = await pool.many(batch);
      expect(results.every((r) => !(r instanceof Error))).toBe(true);
    }
    // One batch of 25 reached it and 22 of them were refused; the five batches after went to the other token.
    expect(await refused()).toBe(22);
    expect(pool.errors.get('vk_29')).toBe(22);
  });

  it("keeps the pool's own count of the quota, so a restart with saved usage does not overspend", async () => {
    const usage = new Map<string, number>();
    const pool = new TokenPool(
      [{ token: 'svc', kind: 'service', perSecond: 100, dailyQuota: { 'wall.get': 1 } }],
      { baseUrl, usage },
    );
    await pool.call('wall.get', { owner_id: -(open?.id ?? 0), count: 1 });
    const restarted = new TokenPool(
      [{ token: 'svc', kind: 'service', perSecond: 100, dailyQuota: { 'wall.get': 1 } }],
      { baseUrl, usage },
    );
    await expect(restarted.call('wall.get', { owner_id: -(open?.id ?? 0), count: 1 })).rejects.toBeInstanceOf(
      PoolExhaustedError,
    );
  });

  it('fails loudly on a programming error (100) without retrying', async () => {
    const pool = new TokenPool([{ token: 'svc', kind: 'service', perSecond: 100 }], {
      baseUrl,
      backoffMs: 1,
    });
    await expect(pool.call('wall.getComments', { owner_id: -(open?.id ?? 0) })).rejects.toMatchObject({
      code: 100,
    });
    expect(pool.requests).toBe(1);
  });

  it('drops a token VK refuses (5) and goes on with the others', async () => {
    const pool = new TokenPool(
      [
        { token: 'nope', kind: 'user', perSecond: 100 },
        { token: 'svc', kind: 'service', perSecond: 100 },
      ],
      { baseUrl },
    );
    for (let i = 0; i < 3; i++) await pool.call('groups.getById', { group_ids: String(open?.id) });
    expect(pool.tokenStates().find((t) => t.kind === 'user')?.dead).toMatch(/refused by VK/);
  });

  it('does not send execute through a service token, and reads walls one call at a time then', async () => {
    const pool = new TokenPool([{ token: 'svc', kind: 'service', perSecond: 100 }], { baseUrl });
    const ids = world.communities.slice(0, 3).map((c) => c.id);
    const results = await pool.many(
      ids.map((id) => ({ method: 'groups.getById', params: { group_ids: String(id) } })),
    );
    expect(results).toHaveLength(3);
    expect(pool.requests).toBe(3);
  });
});
