// Bots Long Poll for installations without a public address: groups.getLongPollServer, then `a_check` against
// the address it gives, each update handled like a Callback API event (stored once by its event_id) and the
// position saved, so a restarted worker goes on from where it stopped. failed 1: the history moved on, take the
// new ts; failed 2 or 3: the key (and for 3 the position) expired, ask for a new server.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { pagePool, vkCall, vkMethods } from '../vk/index.ts';
import { longPollTs, saveLongPollTs } from './vk-events.repo.ts';
import { handleVkEvent, parseVkEvent } from './vk-events.ts';

export type LongPollTarget = { groupId: number; token: string; baseUrl: string };
export type LongPollOptions = { waitSeconds?: number; signal?: AbortSignal; now?: () => number };

type Server = { server: string; key: string; ts: string };

async function newServer(t: LongPollTarget): Promise<Server> {
  const pool = pagePool(t.baseUrl, [{ token: t.token, kind: 'community' }]);
  return vkCall(pool, vkMethods.groupsGetLongPollServer, { group_id: t.groupId });
}

/** One long-poll session step: checks once and handles what came; returns the server state to go on with. */
export async function checkOnce(
  db: Db,
  t: LongPollTarget,
  server: Server,
  options: LongPollOptions = {},
): Promise<{ server: Server; handled: number }> {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const url = new URL(server.server);
  url.search = new URLSearchParams({
    act: 'a_check',
    key: server.key,
    ts: server.ts,
    wait: String(options.waitSeconds ?? 25),
  }).toString();
  const res = await fetch(url, options.signal ? { signal: options.signal } : {});
  if (!res.ok)
    throw new AppError('UPSTREAM_UNAVAILABLE', `long poll of community ${t.groupId}: HTTP ${res.status}`);
  const body = (await res.json()) as { ts?: string | number; updates?: unknown[]; failed?: number };
  if (body.failed === 1) return { server: { ...server, ts: String(body.ts) }, handled: 0 };
  if (body.failed === 2 || body.failed === 3) {
    const fresh = await newServer(t);
    return { server: body.failed === 2 ? { ...fresh, ts: server.ts } : fresh, handled: 0 };
  }
  let handled = 0;
  for (const [i, update] of (body.updates ?? []).entries()) {
    const event = parseVkEvent(update, `long poll update ${i}`);
    if ((await handleVkEvent(db, event, 'long-poll', now())) === 'applied') handled++;
  }
  const next = { ...server, ts: String(body.ts ?? server.ts) };
  await saveLongPollTs(db, t.groupId, next.ts, now());
  return { server: next, handled };
}

/** Starts a session: the server from VK, the position saved before if there is one. */
export async function openLongPoll(db: Db, t: LongPollTarget): Promise<Server> {
  const server = await newServer(t);
  return { ...server, ts: (await longPollTs(db, t.groupId)) ?? server.ts };
}

/** The loop a worker runs until its signal aborts; errors wait `retryMs` and start a new session. */
export async function runLongPoll(
  db: Db,
  t: LongPollTarget,
  options: LongPollOptions & { retryMs?: number; onError?: (error: unknown) => void } = {},
): Promise<void> {
  let server: Server | null = null;
  while (!options.signal?.aborted) {
    try {
      server ??= await openLongPoll(db, t);
      server = (await checkOnce(db, t, server, options)).server;
    } catch (error) {
      if (options.signal?.aborted) return;
      options.onError?.(error);
      server = null;
      await new Promise((r) => setTimeout(r, options.retryMs ?? 5000));
    }
  }
}
