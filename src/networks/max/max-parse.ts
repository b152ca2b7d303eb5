// MAX Bot API answers into the common model: a chat (GET /chats/{id}) is a page, a channel message
// (GET /messages) a post. Field names follow the Bot API's published schema (chat_id, title, icon,
// participants_count, link, description; message body.mid/seq/text/attachments, stat.views, timestamp in ms);
// channels have no comments through the Bot API.
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { emptyFacts, kindsOf, type NetPage, type NetPost, type PostKind } from '../model.ts';

const num = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform(Number);

const chatSchema = z
  .object({
    chat_id: num,
    type: z.string().optional(),
    status: z.string().optional(),
    title: z.string().nullable().optional(),
    icon: z.object({ url: z.string().optional() }).loose().nullable().optional(),
    participants_count: num.optional(),
    is_public: z.boolean().optional(),
    link: z.string().nullable().optional(),
    description: z.string().nullable().optional(),
  })
  .loose();

const messageSchema = z
  .object({
    timestamp: num,
    body: z
      .object({
        mid: z.string(),
        seq: num.optional(),
        text: z.string().nullable().optional(),
        attachments: z
          .array(z.object({ type: z.string() }).loose())
          .nullable()
          .optional(),
      })
      .loose(),
    stat: z.object({ views: num.optional() }).loose().nullable().optional(),
    link: z.object({ type: z.string().optional() }).loose().nullable().optional(),
  })
  .loose();

const src = (f: string) => `max:chats.${f}`;

export function parseMaxChat(raw: unknown): NetPage {
  const r = chatSchema.safeParse(raw);
  if (!r.success)
    throw new AppError(
      'UPSTREAM_UNAVAILABLE',
      `max:GET /chats: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`,
    );
  const c = r.data;
  const facts = emptyFacts();
  if (c.is_public !== undefined) {
    facts.isClosed = !c.is_public;
    facts.sources.isClosed = src('is_public');
  }
  if (c.icon !== undefined) {
    facts.hasAvatar = c.icon !== null && Boolean(c.icon.url);
    facts.sources.hasAvatar = src('icon');
  }
  if (c.description !== undefined) {
    facts.hasDescription = Boolean(c.description?.trim());
    facts.sources.hasDescription = src('description');
  }
  const name = c.link ? (/max\.ru\/([^/?#]+)/i.exec(c.link)?.[1]?.toLowerCase() ?? null) : null;
  return {
    network: 'max',
    externalId: String(c.chat_id),
    name: c.title ?? '',
    screenName: name,
    url: c.link ?? `max:chat/${c.chat_id}`,
    members: c.participants_count ?? null,
    description: c.description ?? '',
    gone: c.status && c.status !== 'active' ? c.status : null,
    facts,
  };
}

const ATTACHMENT_KIND: Record<string, PostKind> = {
  image: 'photo',
  video: 'video',
  audio: 'audio',
  file: 'doc',
  share: 'link',
};

/** GET /messages: `{messages: [...]}`, newest first. */
export function parseMaxMessages(raw: unknown): NetPost[] {
  const list = (raw as { messages?: unknown })?.messages;
  if (!Array.isArray(list))
    throw new AppError('UPSTREAM_UNAVAILABLE', 'max:GET /messages: expected messages[]');
  return list.map((item, i) => {
    const r = messageSchema.safeParse(item);
    if (!r.success)
      throw new AppError(
        'UPSTREAM_UNAVAILABLE',
        `max:GET /messages[${i}].${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`,
      );
    const m = r.data;
    const counts: Partial<Record<PostKind, number>> = {};
    for (const a of m.body.attachments ?? []) {
      const kind = ATTACHMENT_KIND[a.type];
      if (kind) counts[kind] = (counts[kind] ?? 0) + 1;
    }
    const isRepost = m.link?.type === 'forward';
    if (isRepost) counts.repost = 1;
    const text = m.body.text ?? '';
    return {
      network: 'max' as const,
      id: m.body.mid,
      postedAt: Math.floor(m.timestamp / 1000),
      text,
      kinds: kindsOf(text, counts),
      counts,
      metrics: { likes: null, comments: null, reposts: null, views: m.stat?.views ?? null },
      isPinned: false,
      isRepost,
      ...(m.body.seq !== undefined ? { numericId: m.body.seq } : {}),
    };
  });
}
