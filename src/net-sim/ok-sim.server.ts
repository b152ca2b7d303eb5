// The simulated OK: a real HTTP server speaking OK's REST protocol at /fb.do (form or query parameters:
// method, application_key, access_token, format, sig) over the demo world's OK groups. It checks the
// signature as OK does and refuses a wrong one with PARAM_SIGNATURE; unknown methods get METHOD; a token past
// its per-second pace gets FLOOD_BLOCKED and past its day's budget LIMIT_REACHED (both modelled).
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { OK_ERRORS, OK_METHOD_NAMES, okSignature } from '../networks/index.ts';
import { dropConnection, type NetFaults } from './net-faults.ts';
import type { NetWorld, OkGroup, OkTopic } from './net-world.ts';

export type OkSimApp = { key: string; secret: string };
export type OkSimToken = { token: string; perSecond?: number; perDay?: number; canPublish?: boolean };
export type OkSimOptions = {
  world: NetWorld;
  app: OkSimApp;
  tokens: OkSimToken[];
  now?: () => number;
  /** Faults injected into calls by method name (`mediatopic.post`). */
  faults?: NetFaults;
};

class OkFault extends Error {
  constructor(
    readonly code: number,
    readonly name_: string,
  ) {
    super(name_);
  }
}

type Params = Record<string, string>;
const fail = (name: keyof typeof OK_ERRORS, detail = '') =>
  new OkFault(OK_ERRORS[name], `${name}${detail ? ` : ${detail}` : ''}`);

function topicObject(t: OkTopic) {
  const media: Record<string, unknown>[] = [];
  if (t.text) media.push({ type: 'text', text: t.text });
  if (t.photos)
    media.push({
      type: 'photo',
      photo_refs: Array.from({ length: t.photos }, (_, k) => `photo:${t.id}${k}`),
    });
  if (t.movies) media.push({ type: 'movie', movie_refs: [`movie:${t.id}`] });
  if (t.poll) media.push({ type: 'poll', poll_ref: `poll:${t.id}` });
  if (t.link) media.push({ type: 'link', url: 'https://example.edu.ru/news' });
  return {
    id: t.id,
    created_ms: t.created_ms,
    media,
    like_summary: { count: t.likes },
    discussion_summary: { comments_count: t.comments.length },
    reshare_summary: { count: t.reshares },
    views_count: t.views,
  };
}

export type OkSim = {
  app: FastifyInstance;
  world: NetWorld;
  calls: Map<string, number>;
  published: OkTopic[];
};

/** OK's anchor paging: the anchor is the offset of the next item, as a string. */
function page<T>(items: T[], params: Params, max: number) {
  const offset = Number(params.anchor ?? 0) || 0;
  const count = Math.min(Number(params.count ?? max) || max, max);
  const slice = items.slice(offset, offset + count);
  const next = offset + slice.length;
  return { slice, anchor: String(next), has_more: next < items.length };
}

export async function buildOkSim(options: OkSimOptions): Promise<OkSim> {
  const now = options.now ?? Date.now;
  const groups = new Map<string, OkGroup>(options.world.ok.map((g) => [g.uid, g]));
  const byName = new Map<string, OkGroup>(
    options.world.ok.filter((g) => g.shortname).map((g) => [g.shortname as string, g]),
  );
  // Comments are read per topic, thousands of times in a collection: found by id, not by a walk over all groups.
  const topicsById = new Map(options.world.ok.flatMap((g) => g.topics.map((t) => [t.id, t] as const)));
  const tokens = new Map(options.tokens.map((t) => [t.token, t]));
  const calls = new Map<string, number>();
  const lastSecond = new Map<string, { second: number; n: number }>();
  const uploads = new Map<string, string>();
  const batches = new Map<string, string[]>();
  const sim: OkSim = {
    app: Fastify({ logger: false, bodyLimit: 20 * 1024 * 1024 }),
    world: options.world,
    calls,
    published: [],
  };
  const app = sim.app;
  await app.register(formbody);
  await app.register(multipart);

  function admit(params: Params): OkSimToken {
    if (params.application_key !== options.app.key) throw fail('PARAM_API_KEY');
    const token = params.access_token ? tokens.get(params.access_token) : undefined;
    if (!token) throw fail('PARAM_SESSION_EXPIRED', 'Session expired');
    if (!params.sig || params.sig !== okSignature(params, token.token, options.app.secret))
      throw fail('PARAM_SIGNATURE', 'Invalid signature');
    if (!OK_METHOD_NAMES.has(params.method ?? '')) throw fail('METHOD', `Unknown method ${params.method}`);
    const second = Math.floor(now() / 1000);
    const pace = lastSecond.get(token.token);
    const n = pace && pace.second === second ? pace.n + 1 : 1;
    lastSecond.set(token.token, { second, n });
    if (n > (token.perSecond ?? 1000)) throw fail('FLOOD_BLOCKED');
    const day = (calls.get(token.token) ?? 0) + 1;
    calls.set(token.token, day);
    if (day > (token.perDay ?? Number.POSITIVE_INFINITY)) throw fail('LIMIT_REACHED');
    return token;
  }

  function group(id: string | undefined): OkGroup {
    const g = id ? groups.get(id) : undefined;
    if (!g) throw fail('NOT_FOUND', `group ${id}`);
    return g;
  }

  const handlers: Record<string, (p: Params, t: OkSimToken) => unknown> = {
    'url.getInfo': (p) => {
      const name = /^https?:\/\/(?:m\.|www\.)?ok\.ru\/([^/?#]+)/i.exec(p.url ?? '')?.[1]?.toLowerCase();
      const g = name ? byName.get(name) : undefined;
      return g ? { type: 'GROUP', objectId: Number(g.uid), objectIdStr: g.uid } : { type: 'UNKNOWN' };
    },
    'group.getInfo': (p) => {
      if (!p.fields) throw fail('PARAM', 'fields is required');
      return (p.uids ?? '')
        .split(',')
        .filter((id) => groups.has(id))
        .map((id) => {
          const g = group(id);
          return {
            uid: g.uid,
            name: g.name,
            ...(g.shortname ? { shortname: g.shortname } : {}),
            description: g.description,
            members_count: g.members_count,
            access_type: g.access_type,
            ...(g.has_avatar
              ? { main_photo: { id: `${g.uid}1` } }
              : { pic_avatar: 'https://i.mycdn.me/res/stub_group_128x128.png' }),
            ...(g.has_cover ? { cover: { id: `${g.uid}2` } } : {}),
            ...(g.phone ? { phone: g.phone } : {}),
          };
        });
    },
    'group.getCounters': (p) => ({
      counters: { themes: group(p.group_id).topics.length, members: group(p.group_id).members_count },
    }),
    'mediatopic.getTopics': (p) => {
      const g = group(p.gid);
      if (g.access_type === 'CLOSED') throw fail('PERMISSION_DENIED', 'group is closed');
      const { slice, anchor, has_more } = page(g.topics, p, 20);
      return { media_topics: slice.map(topicObject), anchor, has_more };
    },
    'mediatopic.getByIds': (p) => {
      const ids = new Set((p.topic_ids ?? '').split(','));
      const all = [...groups.values()].flatMap((g) => g.topics).filter((t) => ids.has(t.id));
      return { media_topics: all.map(topicObject) };
    },
    'discussions.getComments': (p) => {
      if (p.discussionType !== 'GROUP_TOPIC') throw fail('PARAM', 'discussionType');
      const t = topicsById.get(p.discussionId ?? '');
      if (!t) throw fail('NOT_FOUND', `topic ${p.discussionId}`);
      const { slice, anchor, has_more } = page(t.comments, p, 50);
      return {
        comments: slice.map((c) => ({ ...c, reply_to_comment_id: c.reply_to })),
        anchor,
        has_more,
      };
    },
    'photosV2.getUploadUrl': (p, t) => {
      if (!t.canPublish) throw fail('PERMISSION_DENIED', 'GROUP_CONTENT');
      group(p.gid);
      const ids = Array.from(
        { length: Math.max(1, Number(p.count ?? 1)) },
        (_, k) => `up${uploads.size + k + 1}`,
      );
      for (const x of ids) uploads.set(x, '');
      batches.set(String(batches.size + 1), ids);
      return { upload_url: `${baseUrlOf()}/upload?batch=${batches.size}`, photo_ids: ids };
    },
    'mediatopic.post': (p, t) => {
      if (!t.canPublish) throw fail('PERMISSION_DENIED', 'GROUP_CONTENT');
      const g = group(p.gid);
      if (p.type !== 'GROUP_THEME') throw fail('PARAM', 'type must be GROUP_THEME with gid');
      let attachment: { media?: { type: string; text?: string; list?: { id: string }[] }[] };
      try {
        attachment = JSON.parse(p.attachment ?? '');
      } catch {
        throw fail('PARAM', 'attachment is not JSON');
      }
      const media = attachment.media ?? [];
      if (media.length === 0) throw fail('PARAM', 'attachment.media is empty');
      for (const m of media)
        for (const ph of m.type === 'photo' ? (m.list ?? []) : [])
          if (![...uploads.values()].includes(ph.id)) throw fail('PARAM', `unknown photo token ${ph.id}`);
      const topic: OkTopic = {
        id: String(9_000_000_000_000 + sim.published.length + 1),
        created_ms: now(),
        text: media
          .filter((m) => m.type === 'text')
          .map((m) => m.text ?? '')
          .join('\n'),
        photos: media.filter((m) => m.type === 'photo').reduce((s, m) => s + (m.list?.length ?? 0), 0),
        movies: 0,
        poll: media.some((m) => m.type === 'poll'),
        link: media.some((m) => m.type === 'link'),
        likes: 0,
        reshares: 0,
        views: 0,
        comments: [],
      };
      g.topics.unshift(topic);
      topicsById.set(topic.id, topic);
      sim.published.push(topic);
      return topic.id;
    },
  };

  let base = '';
  const baseUrlOf = () => base;
  app.addHook('onRequest', async (req) => {
    base ||= `http://${req.headers.host}`;
  });

  app.all('/fb.do', async (req, reply) => {
    const params = { ...(req.query as Params), ...((req.body as Params) ?? {}) };
    reply.type('application/json; charset=utf-8');
    try {
      const token = admit(params);
      const handler = handlers[params.method as string];
      if (!handler) throw fail('METHOD');
      const fault = options.faults?.next(params.method as string) ?? null;
      if (fault === 'http5xx') return reply.code(503).send('Service Unavailable');
      if (fault === 'timeout') {
        await new Promise((r) => setTimeout(r, options.faults?.holdMs ?? 0));
        return dropConnection(req, reply);
      }
      const answer = JSON.stringify(handler(params, token));
      if (fault === 'lost-answer') return dropConnection(req, reply);
      return answer;
    } catch (error) {
      if (!(error instanceof OkFault)) throw error;
      return JSON.stringify({ error_code: error.code, error_msg: error.name_, error_data: null });
    }
  });

  // The upload address takes the files as pic1..picN, in the order of the photo ids it was given for.
  app.post('/upload', async (req, reply) => {
    const ids = batches.get((req.query as Params).batch ?? '');
    if (!ids)
      return reply.code(400).send({ error_code: OK_ERRORS.PARAM, error_msg: 'PARAM : upload address' });
    const photos: Record<string, { token: string }> = {};
    let i = 0;
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      await part.toBuffer();
      const id = ids[i++];
      if (!id)
        return reply.code(400).send({ error_code: OK_ERRORS.PARAM, error_msg: 'PARAM : too many files' });
      uploads.set(id, `tok-${id}`);
      photos[id] = { token: `tok-${id}` };
    }
    return { photos };
  });
  return sim;
}
