// Publica's common model of a page on any network: what every network port parses its answers into. Ids are
// strings (OK group and MAX chat ids pass 2^32 and the networks spell them as strings or int64).
export type NetworkId = 'vk' | 'ok' | 'max';
export const NETWORK_IDS: readonly NetworkId[] = ['vk', 'ok', 'max'];

/**
 * A page's profile facts, each yes / no / unknown (null) with where it came from: `sources[fact]` names the
 * network, method and field (`ok:group.getInfo.main_photo`). Absent is unknown, never "no".
 */
export type NetFacts = {
  isClosed: boolean | null;
  isVerified: boolean | null;
  hasAvatar: boolean | null;
  hasCover: boolean | null;
  hasDescription: boolean | null;
  phone: string | null;
  website: string | null;
  sources: Record<string, string>;
};

export type NetPage = {
  network: NetworkId;
  externalId: string;
  name: string;
  screenName: string | null;
  url: string;
  members: number | null;
  description: string;
  /** deleted / banned / gone; null while the page is there. */
  gone: string | null;
  facts: NetFacts;
};

/** The kinds of content a post carries, across networks (a VK clip, an OK movie, a MAX video are all video-like). */
export type PostKind =
  | 'text'
  | 'photo'
  | 'video'
  | 'clip'
  | 'live'
  | 'poll'
  | 'link'
  | 'doc'
  | 'audio'
  | 'repost';

export type NetMetrics = {
  likes: number | null;
  comments: number | null;
  reposts: number | null;
  views: number | null;
};

export type NetPost = {
  network: NetworkId;
  id: string;
  /** Unix seconds. */
  postedAt: number;
  text: string;
  kinds: PostKind[];
  /** How many attachments of each kind. */
  counts: Partial<Record<PostKind, number>>;
  metrics: NetMetrics;
  isPinned: boolean;
  isRepost: boolean;
  /** A numeric id to store the post under, where the network's id is not a number (MAX: the channel's seq). */
  numericId?: number;
};

export type NetComment = {
  network: NetworkId;
  id: string;
  postId: string;
  fromId: string;
  /** Unix seconds. */
  postedAt: number;
  text: string;
  replyTo: string | null;
  isFromPage: boolean;
};

export function emptyFacts(): NetFacts {
  return {
    isClosed: null,
    isVerified: null,
    hasAvatar: null,
    hasCover: null,
    hasDescription: null,
    phone: null,
    website: null,
    sources: {},
  };
}

/** The kinds present in a counts map, text first when there is text. */
export function kindsOf(text: string, counts: Partial<Record<PostKind, number>>): PostKind[] {
  const kinds = (Object.keys(counts) as PostKind[]).filter((k) => (counts[k] ?? 0) > 0);
  return text.trim() ? ['text', ...kinds.filter((k) => k !== 'text')] : kinds;
}
