// VK token leases on both dialects: one holder at a time, heartbeats keep a lease, an expired lease (a dead
// holder) is taken over and its old holder finds out, a released token rests for a second before the next, a
// lease of a dead process of this host ends without waiting out its time to live.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db.ts';
import { renewLeases } from './token-lease.repo.ts';
import { holderName, LeaseLostError, leaseTokens } from './token-lease.ts';
import { tokenKey } from './token-pool.ts';

const TOKENS = [
  { token: 'a-user', kind: 'user' as const },
  { token: 'b-service', kind: 'service' as const },
  { token: 'c-community', kind: 'community' as const },
];

/** A simulated clock from the real time: pauses move it on at once, so no test waits for the wall clock. */
function simulatedClock() {
  let t = Date.now();
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    advance(ms: number) {
      t += ms;
    },
  };
}

describeEachDialect('VK token leases', (ctx) => {
  it('gives each reading token to one holder, user tokens first, never a community token', async () => {
    const first = await leaseTokens(ctx.db, TOKENS);
    const second = await leaseTokens(ctx.db, TOKENS);
    expect(first?.specs.map((s) => s.token)).toEqual(['a-user']);
    expect(second?.specs.map((s) => s.token)).toEqual(['b-service']);
    expect(await leaseTokens(ctx.db, TOKENS)).toBeNull();
    await first?.release();
    await second?.release();
  });

  it('hands a released token on only after a second, so the next holder keeps to its rate', async () => {
    const clock = simulatedClock();
    const first = await leaseTokens(ctx.db, TOKENS.slice(0, 1), clock);
    await first?.release();
    expect(await leaseTokens(ctx.db, TOKENS.slice(0, 1), clock)).toBeNull();
    const released = clock.now();
    const waited = await leaseTokens(ctx.db, TOKENS.slice(0, 1), { ...clock, waitMs: 3000 });
    expect(waited?.specs).toHaveLength(1);
    expect(clock.now() - released).toBeGreaterThanOrEqual(1000);
    await waited?.release();
  });

  it('keeps a lease alive with heartbeats past its time to live', async () => {
    const clock = simulatedClock();
    const lease = await leaseTokens(ctx.db, TOKENS, { ...clock, ttlMs: 600, autoHeartbeat: false });
    for (let beat = 0; beat < 3; beat++) {
      clock.advance(400);
      await lease?.heartbeat();
    }
    expect(await leaseTokens(ctx.db, TOKENS.slice(0, 1), { ...clock, ttlMs: 600 })).toBeNull();
    expect(() => lease?.check()).not.toThrow();
    // Without heartbeats the same time runs the lease out.
    clock.advance(1200);
    expect(await leaseTokens(ctx.db, TOKENS.slice(0, 1), { ...clock, ttlMs: 600 })).not.toBeNull();
    await lease?.release();
  });

  it('lets another holder take an expired lease, and the old holder learns it lost it', async () => {
    const stalled = await leaseTokens(ctx.db, TOKENS.slice(0, 1), { ttlMs: 600, autoHeartbeat: false });
    // A stalled holder: its beats stop reaching the database (as if frozen), then the lease runs out.
    await ctx.db.kysely
      .updateTable('vk_token_leases')
      .set({ expires_at: Date.now() - 1 })
      .execute();
    const taker = await leaseTokens(ctx.db, TOKENS.slice(0, 1), { ttlMs: 600 });
    expect(taker?.specs.map((s) => s.token)).toEqual(['a-user']);
    expect(() => stalled?.check()).not.toThrow();
    await stalled?.heartbeat();
    expect(() => stalled?.check()).toThrow(LeaseLostError);
    expect(await renewLeases(ctx.db, stalled?.keys ?? [], 'someone-else', Date.now() + 1000)).toBe(0);
    await taker?.release();
    await stalled?.release();
  });

  it("takes over a lease of this host's process that died, after the cool-down, not its time to live", async () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const key = tokenKey('a-user');
    const hold = (holder: string) =>
      ctx.db.kysely
        .insertInto('vk_token_leases')
        .values({ token_key: key, holder, acquired_at: Date.now(), expires_at: Date.now() + 60_000 })
        .onConflict((oc) => oc.column('token_key').doUpdateSet({ holder, expires_at: Date.now() + 60_000 }))
        .execute();
    // A live process of this host, and a process of another host: both keep their leases.
    for (const holder of [holderName(process.ppid, os.hostname(), 'x'), holderName(gone, 'elsewhere', 'x')]) {
      await hold(holder);
      expect(
        await leaseTokens(ctx.db, TOKENS.slice(0, 1), { ...simulatedClock(), waitMs: 1500 }),
        holder,
      ).toBeNull();
    }
    await hold(holderName(gone, os.hostname(), 'x'));
    const clock = simulatedClock();
    const started = clock.now();
    const taker = await leaseTokens(ctx.db, TOKENS.slice(0, 1), { ...clock, waitMs: 5000 });
    expect(taker?.specs.map((s) => s.token)).toEqual(['a-user']);
    // After the cool-down, long before the dead holder's minute would have run out.
    expect(clock.now() - started).toBeGreaterThanOrEqual(1000);
    expect(clock.now() - started).toBeLessThan(5000);
    await taker?.release();
  });

  it('takes several tokens for one holder when asked', async () => {
    const lease = await leaseTokens(ctx.db, TOKENS, { count: 5 });
    expect(lease?.specs.map((s) => s.kind)).toEqual(['user', 'service']);
    await lease?.release();
  });
});
