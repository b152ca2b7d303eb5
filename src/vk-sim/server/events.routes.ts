// The simulator pushing events as VK does: Bots Long Poll (`/lp/<group>?act=a_check&key&ts&wait`: the events
// after `ts`, held up to `wait` seconds when there are none; failed 1/2 for an old ts or a stale key) and the
// Callback API (a registered server is sent the confirmation request first, then every event as JSON with
// its secret; an answer other than "ok" is sent again, up to five attempts). Admin endpoints make people
// write: a message to the community, a comment, its edit or deletion, allowing or forbidding messages.
import type { FastifyInstance } from 'fastify';
import type { SimEvent } from './sim-messages.ts';
import type { SimWorld } from './sim-world.ts';
import { commentObject } from './vk-objects.ts';

export type CallbackServer = {
  groupId: number;
  url: string;
  secret: string;
  confirmed: boolean;
  delivered: number;
  failed: number;
};

const ATTEMPTS = 5;

async function post(url: string, body: object): Promise<string | null> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

export function eventRoutes(app: FastifyInstance, world: SimWorld): { callbacks: CallbackServer[] } {
  const callbacks: CallbackServer[] = [];
  // Sent one after another per server, in order, as VK does.
  let queue = Promise.resolve();
  const deliver = (server: CallbackServer, event: SimEvent) => {
    queue = queue.then(async () => {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++)
        if ((await post(server.url, { ...event, secret: server.secret })) === 'ok') {
          server.delivered++;
          return;
        }
      server.failed++;
    });
  };
  world.messages.listeners.push((event) => {
    for (const server of callbacks)
      if (server.confirmed && server.groupId === event.group_id) deliver(server, event);
  });

  app.get('/lp/:group', async (request) => {
    const groupId = Number((request.params as { group: string }).group);
    const q = request.query as { act?: string; key?: string; ts?: string; wait?: string };
    if (q.key !== world.longPollKey(groupId)) return { failed: 2 };
    const log = () => world.messages.events.get(groupId) ?? [];
    const ts = Number(q.ts);
    if (!Number.isInteger(ts) || ts < 0 || ts > log().length) return { failed: 1, ts: String(log().length) };
    const wait = Math.min(Math.max(Number(q.wait ?? 0) || 0, 0), 90);
    if (log().length === ts && wait > 0)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, wait * 1000);
        function done() {
          clearTimeout(timer);
          const i = world.messages.listeners.indexOf(listener);
          if (i >= 0) world.messages.listeners.splice(i, 1);
          resolve();
        }
        const listener = (e: SimEvent) => {
          if (e.group_id === groupId) done();
        };
        world.messages.listeners.push(listener);
        request.raw.on('close', done);
      });
    const events = log();
    return { ts: String(events.length), updates: events.slice(ts) };
  });

  app.post('/admin/callback', async (request) => {
    const b = (request.body ?? {}) as { groupId?: number; url?: string; secret?: string; code?: string };
    const groupId = Number(b.groupId);
    const answer = await post(String(b.url), { type: 'confirmation', group_id: groupId });
    const server: CallbackServer = {
      groupId,
      url: String(b.url),
      secret: String(b.secret ?? ''),
      confirmed: answer !== null && answer === b.code,
      delivered: 0,
      failed: 0,
    };
    callbacks.push(server);
    return { confirmed: server.confirmed, answer };
  });
  app.get('/admin/callback', async () => ({ servers: callbacks }));
  app.delete('/admin/callback', async () => {
    callbacks.splice(0);
    return { ok: true };
  });
  app.post('/admin/expire-long-poll', async (request) => {
    world.longPollKey(Number((request.body as { groupId?: number })?.groupId), true);
    return { ok: true };
  });

  const now = () => Math.floor(world.now() / 1000);
  app.post('/admin/messages/incoming', async (request) => {
    const b = (request.body ?? {}) as { groupId: number; fromId: number; text: string };
    return { message: world.messages.incoming(Number(b.groupId), Number(b.fromId), String(b.text), now()) };
  });
  app.post('/admin/messages/allow', async (request) => {
    const b = (request.body ?? {}) as { groupId: number; userId: number; allowed?: boolean };
    world.messages.setAllowed(Number(b.groupId), Number(b.userId), b.allowed !== false, now());
    return { ok: true };
  });
  app.post('/admin/comments', async (request) => {
    const b = (request.body ?? {}) as {
      groupId: number;
      postId: number;
      fromId: number;
      text: string;
      replyTo?: number;
    };
    const groupId = Number(b.groupId);
    const replyTo = b.replyTo ? Number(b.replyTo) : null;
    const id = world.addComment(groupId, {
      post_id: Number(b.postId),
      from_id: Number(b.fromId),
      date: now(),
      text: String(b.text),
      reply_to_comment: replyTo,
      thread_root: replyTo,
      deleted: false,
    });
    const comment = world.wall(groupId).comments.find((c) => c.id === id);
    if (comment) world.messages.emit(groupId, 'wall_reply_new', commentObject(comment, groupId), now());
    return { id };
  });
  app.post('/admin/comments/edit', async (request) => {
    const b = (request.body ?? {}) as { groupId: number; id: number; text: string };
    const comment = world.changeComment(Number(b.groupId), Number(b.id), { text: String(b.text) });
    if (!comment) return { ok: false };
    world.messages.emit(
      Number(b.groupId),
      'wall_reply_edit',
      commentObject(comment, Number(b.groupId)),
      now(),
    );
    return { ok: true };
  });
  app.post('/admin/comments/delete', async (request) => {
    const b = (request.body ?? {}) as { groupId: number; id: number };
    const groupId = Number(b.groupId);
    const comment = world.changeComment(groupId, Number(b.id), { deleted: true });
    if (!comment) return { ok: false };
    world.messages.emit(
      groupId,
      'wall_reply_delete',
      {
        owner_id: -groupId,
        id: comment.id,
        user_id: comment.from_id,
        deleter_id: comment.from_id,
        post_id: comment.post_id,
      },
      now(),
    );
    return { ok: true };
  });
  return { callbacks };
}
