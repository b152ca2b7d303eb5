// VK on the network port: a thin adapter over src/vk (its method table, token kinds, limits, parsers and
// tri-state profile facts), which stays where it is and unchanged in behaviour.
import { parseVkUrl } from '../../registry/index.ts';
import {
  countAttachments,
  DAILY_QUOTA,
  METHOD_TABLE,
  PER_SECOND,
  parseComments,
  parseGroups,
  parsePosts,
  profileFacts,
  TOKEN_KINDS,
} from '../../vk/index.ts';
import { emptyFacts, kindsOf, type NetComment, type NetPage, type NetPost, type PostKind } from '../model.ts';
import type { NetworkPort } from '../port.ts';

const KIND_OF: Record<string, PostKind> = {
  photos: 'photo',
  videos: 'video',
  clips: 'clip',
  lives: 'live',
  polls: 'poll',
  links: 'link',
  docs: 'doc',
  audios: 'audio',
  podcasts: 'audio',
};

function parsePage(raw: unknown): NetPage {
  const [g] = parseGroups(raw, 'vk:groups.getById');
  if (!g) throw new Error('vk:groups.getById: no community in the answer');
  const vk = profileFacts(g);
  const facts = emptyFacts();
  facts.isClosed = vk.isClosed === null ? null : vk.isClosed !== 0;
  facts.isVerified = vk.isVerified;
  facts.hasAvatar = vk.hasAvatar;
  facts.hasCover = vk.hasCover;
  facts.phone = vk.phone;
  facts.sources = { ...vk.sources };
  if (g.description !== undefined) {
    facts.hasDescription = g.description.trim() !== '';
    facts.sources.hasDescription = 'vk:groups.getById.description';
  }
  if (g.site !== undefined) {
    facts.website = g.site.trim() || null;
    facts.sources.website = 'vk:groups.getById.site';
  }
  return {
    network: 'vk',
    externalId: String(g.id),
    name: g.name,
    screenName: g.screen_name ?? null,
    url: g.screen_name ? `https://vk.com/${g.screen_name}` : `https://vk.com/club${g.id}`,
    members: g.members_count ?? null,
    description: g.description ?? '',
    gone: g.deactivated ?? null,
    facts,
  };
}

function parseVkPosts(raw: unknown): NetPost[] {
  return parsePosts(raw, 'vk:wall.get').map((p) => {
    const counts: Partial<Record<PostKind, number>> = {};
    for (const [k, n] of Object.entries(countAttachments(p.attachments))) {
      const kind = KIND_OF[k];
      if (kind && n > 0) counts[kind] = (counts[kind] ?? 0) + n;
    }
    const isRepost = (p.copy_history?.length ?? 0) > 0;
    if (isRepost) counts.repost = 1;
    return {
      network: 'vk' as const,
      id: String(p.id),
      postedAt: p.date,
      text: p.text,
      kinds: kindsOf(p.text, counts),
      counts,
      metrics: {
        likes: p.likes?.count ?? null,
        comments: p.comments?.count ?? null,
        reposts: p.reposts?.count ?? null,
        views: p.views?.count ?? null,
      },
      isPinned: p.is_pinned === true,
      isRepost,
    };
  });
}

function parseVkComments(raw: unknown, postId: string): NetComment[] {
  return parseComments(raw, 'vk:wall.getComments').map((c) => ({
    network: 'vk' as const,
    id: String(c.id),
    postId,
    fromId: String(c.from_id ?? 0),
    postedAt: c.date,
    text: c.text,
    replyTo: c.reply_to_comment !== undefined ? String(c.reply_to_comment) : null,
    isFromPage: (c.from_id ?? 0) < 0,
  }));
}

export const vkPort: NetworkPort = {
  id: 'vk',
  title: { ru: 'ВКонтакте', en: 'VK' },
  presence: 'required',
  tokenKinds: TOKEN_KINDS.map((kind) => ({ kind, doc: `VK ${kind} access token (see docs/vk.md)` })),
  limits: {
    perSecond: PER_SECOND.service,
    perDay: DAILY_QUOTA['wall.get'] ?? null,
    from: 'docs',
    note: 'per token: user 3/s, community and service 20/s; wall.get about 5,000 a day (docs/vk.md)',
  },
  methods: [...METHOD_TABLE.values()].map((m) => ({
    name: m.name,
    tokenKinds: m.tokenKinds,
    rate: m.rate === 'write' ? 'write' : m.rate === 'upload' ? 'upload' : 'read',
    readOnly: m.readOnly,
    from: m.tokenKindsFrom === 'schema' ? 'docs' : 'modelled',
    doc: m.note ?? `VK ${m.name}`,
  })),
  parseUrl(input) {
    const r = parseVkUrl(input);
    if (!r.ok) return { ok: false, reason: r.reason };
    return {
      ok: true,
      ref: {
        network: 'vk',
        url: r.ref.url,
        externalId: r.ref.kind === 'id' ? String(r.ref.externalId) : null,
        screenName: r.ref.kind === 'screen_name' ? r.ref.screenName : null,
      },
    };
  },
  parsePage,
  parsePosts: parseVkPosts,
  parseComments: parseVkComments,
};
