// Token leases across processes: a worker takes a VK token before it calls VK with it and keeps it alive with
// heartbeats, so one token serves one worker at a time and its requests-per-second limit holds across all of
// them. A dead worker stops beating; its lease expires and another worker takes the token. A worker whose
// lease was lost (it stalled past the expiry) stops calling VK with that token.
import crypto from 'node:crypto';
import os from 'node:os';
import type { Db } from '../platform/db.ts';
import { dropLeases, getLease, renewLeases, shortenLease, takeLease } from './token-lease.repo.ts';
import type { PoolTokenSpec } from './token-pool.ts';
import { tokenKey } from './token-pool.ts';

export class LeaseLostError extends Error {}

/** A given-back token rests this long: the next holder's per-second count must not overlap the last one's. */
const COOL_DOWN_MS = 1100;

export type LeaseOptions = {
  /** A lease not renewed for this long is free; default 30 s (renewed every third of it). */
  ttlMs?: number;
  /** Tokens to take at most; default 1. */
  count?: number;
  /** Wait this long for a free token before giving up; default 0 (try once). */
  waitMs?: number;
  /** The clock and the pause between tries; tests pass a simulated clock that a pause moves on. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Heartbeats on a timer (default); tests beat by hand with `heartbeat()`. */
  autoHeartbeat?: boolean;
};

export type TokenLease = {
  specs: PoolTokenSpec[];
  keys: string[];
  /** Throws LeaseLostError once a heartbeat found the lease taken over. */
  check(): void;
  /** Renews the lease now (the timer does this every third of the time to live). */
  heartbeat(): Promise<void>;
  release(): Promise<void>;
};

/** Read-capable tokens first, user tokens (execute) before service tokens; community tokens never read walls. */
function readOrder(specs: PoolTokenSpec[]): PoolTokenSpec[] {
  const rank = { user: 0, service: 1, community: 2 } as const;
  return specs.filter((s) => s.kind !== 'community').sort((a, b) => rank[a.kind] - rank[b.kind]);
}

/** Who holds a lease: process id, host and a unique part (one process may hold several leases). */
export function holderName(pid: number, host: string, unique: string): string {
  return `${pid}@${host}/${unique}`;
}

export function parseHolder(holder: string): { pid: number; host: string } | null {
  const match = /^(\d+)@([^/]*)\//.exec(holder);
  return match ? { pid: Number(match[1]), host: match[2] ?? '' } : null;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lease whose holder was a process of this host that is gone (killed, crashed) need not wait out its time to
 * live: it ends after the usual cool-down, since the dead process may have sent requests in its last second.
 */
async function expireIfHolderDied(db: Db, key: string, now: number): Promise<void> {
  const lease = await getLease(db, key);
  const holder = lease ? parseHolder(lease.holder) : null;
  if (!lease || !holder || holder.host !== os.hostname() || holder.pid === process.pid) return;
  if (lease.expires_at <= now + COOL_DOWN_MS || processAlive(holder.pid)) return;
  await shortenLease(db, key, lease.holder, now + COOL_DOWN_MS);
}

/** Leases up to `count` free reading tokens; null when none came free within `waitMs`. */
export async function leaseTokens(
  db: Db,
  specs: PoolTokenSpec[],
  options: LeaseOptions = {},
): Promise<TokenLease | null> {
  const ttl = options.ttlMs ?? 30_000;
  const now = () => options.now?.() ?? Date.now();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const holder = holderName(process.pid, os.hostname(), crypto.randomUUID());
  const deadline = now() + (options.waitMs ?? 0);
  const taken: PoolTokenSpec[] = [];
  for (;;) {
    for (const spec of readOrder(specs)) {
      if (taken.length >= (options.count ?? 1)) break;
      if (taken.includes(spec)) continue;
      const key = tokenKey(spec.token);
      if (await takeLease(db, key, holder, now(), ttl)) taken.push(spec);
      else await expireIfHolderDied(db, key, now());
    }
    if (taken.length > 0 || now() >= deadline) break;
    await sleep(Math.min(1000, ttl / 3));
  }
  if (taken.length === 0) return null;
  const keys = taken.map((s) => tokenKey(s.token));
  let lost: string | undefined;
  const heartbeat = () =>
    renewLeases(db, keys, holder, now() + ttl)
      .then((held) => {
        if (held < keys.length) lost = `a VK token lease of this worker expired and was taken over`;
      })
      .catch(() => {
        // A missed beat is not a loss yet; the next one may pass.
      });
  const beat = options.autoHeartbeat === false ? undefined : setInterval(heartbeat, ttl / 3);
  beat?.unref();
  return {
    specs: taken,
    keys,
    check() {
      if (lost) throw new LeaseLostError(lost);
    },
    heartbeat,
    async release() {
      clearInterval(beat);
      await dropLeases(db, keys, holder, now(), COOL_DOWN_MS);
    },
  };
}
