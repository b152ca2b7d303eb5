// The simulated MAX Bot API: a real HTTP server with MAX's resources (/me, /chats, /chats/{id}, /messages,
// /subscriptions, /updates), the bot token in the Authorization header (a token in the query is refused, as
// MAX now does), JSON errors {code, message} with HTTP 400/401/404/429, dates in milliseconds. Each bot sees
// only the channels it was added to as an admin.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { dropConnection, type NetFaults } from './net-faults.ts';
import type { MaxChannel, MaxMessage, NetWorld } from './net-world.ts';

export type MaxSimBot = { token: string; userId: number; channels: number[] | 'all'; perSecond?: number };
export type MaxSimOptions = {
  world: NetWorld;
  bots: MaxSimBot[];
  now?: () => number;
  /** Faults injected into calls by "METHOD /path" (`POST /messages`). */
  faults?: NetFaults;
};
export type MaxSim = {
  app: FastifyInstance;
  world: NetWorld;
  published: { chat_id: number; message: MaxMessage }[];
  subscriptions: string[];
};

class MaxFault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function chatObject(c: MaxChannel) {
  return {
    chat_id: c.chat_id,
    type: 'channel',
    status: 'active',
    title: c.title,
    icon: c.has_icon ? { url: `https://i.max.ru/icon/${Math.abs(c.chat_id)}.png` } : null,
    last_event_time: c.messages[0]?.timestamp ?? 0,
    participants_count: c.participants_count,
    is_public: true,
    link: c.link,
    description: c.description,
  };
}

function messageObject(c: MaxChannel, m: MaxMessage) {
  const attachments = [
    ...Array.from({ length: m.images }, (_, k) => ({ type: 'image', payload: { photo_id: k + 1 } })),
    ...Array.from({ length: m.videos }, () => ({ type: 'video', payload: { token: 'v' } })),
  ];
  return {
    recipient: { chat_id: c.chat_id, chat_type: 'channel' },
    timestamp: m.timestamp,
    body: { mid: m.mid, seq: m.seq, text: m.text, attachments },
    stat: { views: m.views },
  };
}

export async function buildMaxSim(options: MaxSimOptions): Promise<MaxSim> {
  const now = options.now ?? Date.now;
  const channels = new Map(options.world.max.map((c) => [c.chat_id, c]));
  const bots = new Map(options.bots.map((b) => [b.token, b]));
  const pace = new Map<string, { second: number; n: number }>();
  const app = Fastify({ logger: false });
  const sim: MaxSim = { app, world: options.world, published: [], subscriptions: [] };

  function bot(req: FastifyRequest): MaxSimBot {
    if ((req.query as Record<string, string>).access_token)
      throw new MaxFault(401, 'verify.token', 'Passing the token in query parameters is no longer supported');
    const b = bots.get(String(req.headers.authorization ?? ''));
    if (!b) throw new MaxFault(401, 'verify.token', 'Invalid access_token');
    const second = Math.floor(now() / 1000);
    const p = pace.get(b.token);
    const n = p && p.second === second ? p.n + 1 : 1;
    pace.set(b.token, { second, n });
    if (n > (b.perSecond ?? 1000)) throw new MaxFault(429, 'too.many.requests', 'Too many requests');
    return b;
  }
  const sees = (b: MaxSimBot, id: number) => b.channels === 'all' || b.channels.includes(id);
  function channel(b: MaxSimBot, raw: unknown): MaxChannel {
    const id = Number(raw);
    const c = channels.get(id);
    if (!c || !sees(b, id)) throw new MaxFault(404, 'chat.not.found', `Chat ${raw} not found`);
    return c;
  }

  const route =
    (handler: (req: FastifyRequest, b: MaxSimBot) => unknown) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      try {
        const b = bot(req);
        const fault = options.faults?.next(`${req.method} ${req.routeOptions.url}`) ?? null;
        if (fault === 'http5xx') return reply.code(503).send({ code: 'service.unavailable', message: '' });
        if (fault === 'timeout') {
          await new Promise((r) => setTimeout(r, options.faults?.holdMs ?? 0));
          return dropConnection(req, reply);
        }
        const answer = handler(req, b);
        if (fault === 'lost-answer') return dropConnection(req, reply);
        return answer;
      } catch (error) {
        if (!(error instanceof MaxFault)) throw error;
        return reply.code(error.status).send({ code: error.code, message: error.message });
      }
    };
  type Q = Record<string, string | undefined>;

  app.get(
    '/me',
    route((_req, b) => ({ user_id: b.userId, name: 'Publica', username: 'publica_bot', is_bot: true })),
  );
  app.get(
    '/chats',
    route((req, b) => {
      const q = req.query as Q;
      const mine = [...channels.values()].filter((c) => sees(b, c.chat_id));
      const offset = Number(q.marker ?? 0) || 0;
      const count = Math.min(Number(q.count ?? 50) || 50, 100);
      const slice = mine.slice(offset, offset + count);
      const next = offset + slice.length;
      return { chats: slice.map(chatObject), marker: next < mine.length ? next : null };
    }),
  );
  app.get(
    '/chats/:chatId',
    route((req, b) => chatObject(channel(b, (req.params as Q).chatId))),
  );
  app.get(
    '/messages',
    route((req, b) => {
      const q = req.query as Q;
      if (!q.chat_id && !q.message_ids)
        throw new MaxFault(400, 'proto.payload', 'chat_id or message_ids is required');
      const c = channel(b, q.chat_id);
      const from = q.from !== undefined ? Number(q.from) : Number.POSITIVE_INFINITY;
      const to = q.to !== undefined ? Number(q.to) : Number.NEGATIVE_INFINITY;
      const count = Math.min(Number(q.count ?? 50) || 50, 100);
      const list = c.messages.filter((m) => m.timestamp <= from && m.timestamp >= to).slice(0, count);
      return { messages: list.map((m) => messageObject(c, m)) };
    }),
  );
  app.post(
    '/messages',
    route((req, b) => {
      const c = channel(b, (req.query as Q).chat_id);
      const body = (req.body ?? {}) as { text?: string; attachments?: unknown[] };
      if (!body.text && !body.attachments?.length)
        throw new MaxFault(400, 'proto.payload', 'text or attachments is required');
      if ((body.text ?? '').length > 4000)
        throw new MaxFault(400, 'text.too.long', 'text is longer than 4000 characters');
      const message: MaxMessage = {
        mid: `mid.sim${String(sim.published.length + 1).padStart(8, '0')}`,
        seq: (c.messages[0]?.seq ?? 0) + 1,
        timestamp: now(),
        text: body.text ?? '',
        images: 0,
        videos: 0,
        views: 0,
      };
      c.messages.unshift(message);
      sim.published.push({ chat_id: c.chat_id, message });
      return { message: messageObject(c, message) };
    }),
  );
  app.get(
    '/subscriptions',
    route(() => ({ subscriptions: sim.subscriptions.map((url) => ({ url, time: 0 })) })),
  );
  app.post(
    '/subscriptions',
    route((req) => {
      const url = (req.body as { url?: string })?.url ?? '';
      if (!url.startsWith('https://')) throw new MaxFault(400, 'proto.payload', 'url must be HTTPS');
      sim.subscriptions.push(url);
      return { success: true };
    }),
  );
  app.get(
    '/updates',
    route(() => ({ updates: [], marker: null })),
  );
  return sim;
}
