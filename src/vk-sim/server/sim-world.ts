// The simulator's state: the world's communities, their walls (grown on demand, kept in a bounded cache) and
// what clients added through the API (posts, comments, polls), which later reads return like the rest.
import { wallOf } from '../world/wall.ts';
import type { Wall, WorldComment, WorldCommunity, WorldPost } from '../world/world.types.ts';
import type { LoadedWorld } from '../world/world-files.ts';
import { SimMessages } from './sim-messages.ts';

const CACHED_WALLS = 5000;

export type SimPoll = {
  id: number;
  ownerId: number;
  question: string;
  answers: string[];
  multiple: boolean;
  endDate: number;
};

export type SimMedia = {
  kind: 'photo' | 'video' | 'clip' | 'live';
  ownerId: number;
  id: number;
  uploaded: boolean;
  size: number;
};

export class SimWorld {
  readonly byId = new Map<number, WorldCommunity>();
  readonly byScreenName = new Map<string, WorldCommunity>();
  private readonly walls = new Map<number, Wall>();
  private readonly added = new Map<
    number,
    { posts: WorldPost[]; comments: WorldComment[]; nextId: number }
  >();
  /** Comments deleted on VK after the world was made, by community. */
  private readonly removed = new Map<number, Set<number>>();
  readonly polls = new Map<string, SimPoll>();
  private nextPollId = 1;
  /** Photos and videos made through the upload flows, by "<owner>_<id>"; uploaded once the file arrived. */
  readonly media = new Map<string, SimMedia>();
  /** Upload addresses handed out, by ticket. */
  readonly uploads = new Map<string, SimMedia>();
  private nextMediaId = 456_239_000;
  /** wall.post's guid per wall: the same guid within an hour is the same post, as VK does. */
  private readonly guids = new Map<string, { postId: number; at: number }>();
  /** The address uploads go to; the server sets it from the request (the host the client reached). */
  uploadBase = 'http://127.0.0.1';
  /** Community messages and the events pushed to Long Poll and Callback servers. */
  readonly messages = new SimMessages();
  private readonly lpKeys = new Map<number, string>();

  /** VK's daily limit of wall.post per community wall (error 214; see docs/vk.md for the source). */
  postsPerDay = 50;
  /** When each community's recent wall.post calls were made, for the daily limit. */
  private readonly postTimes = new Map<number, number[]>();

  /** `now`: the simulator's clock in milliseconds (postponed posts appear once it passes their date). */
  constructor(
    readonly world: LoadedWorld,
    readonly now: () => number = Date.now,
  ) {
    for (const c of world.communities) {
      this.byId.set(c.id, c);
      if (c.screen_name) this.byScreenName.set(c.screen_name, c);
    }
  }

  /** The wall with what was added through the API; posts newest first, as wall.get lists them. */
  wall(groupId: number): Wall {
    let base = this.walls.get(groupId);
    if (!base) {
      const community = this.byId.get(groupId);
      base = community ? wallOf(community, this.world.meta) : { posts: [], comments: [] };
      if (this.walls.size >= CACHED_WALLS) this.walls.delete(this.walls.keys().next().value as number);
      this.walls.set(groupId, base);
    }
    const extra = this.added.get(groupId);
    // Comments deleted on VK through the API, and those the world says vanish at a time the clock has passed.
    const nowSeconds = Math.floor(this.now() / 1000);
    const vanished = base.comments.filter((c) => c.gone_at !== undefined && c.gone_at <= nowSeconds);
    const removedByApi = this.removed.get(groupId);
    if (!extra && !removedByApi && vanished.length === 0) return base;
    const removed =
      removedByApi || vanished.length > 0
        ? new Set([...(removedByApi ?? []), ...vanished.map((c) => c.id)])
        : undefined;
    const all = [...base.comments, ...(extra?.comments ?? [])];
    const comments = removed ? all.filter((c) => !removed.has(c.id)) : all;
    const counts = new Map<number, number>();
    for (const c of extra?.comments ?? []) counts.set(c.post_id, (counts.get(c.post_id) ?? 0) + 1);
    for (const c of all)
      if (removed?.has(c.id)) counts.set(c.post_id, (counts.get(c.post_id) ?? 0) - (c.deleted ? 0 : 1));
    // A post made with publish_date stays postponed (off the wall) until the clock passes its date; then VK
    // publishes it by itself.
    const published = (extra?.posts ?? []).filter((p) => p.date <= nowSeconds);
    const posts = [...base.posts, ...published].map((p) =>
      counts.has(p.id) ? { ...p, comments: p.comments + (counts.get(p.id) ?? 0) } : p,
    );
    return { posts, comments };
  }

  private extra(groupId: number) {
    let entry = this.added.get(groupId);
    if (!entry) {
      const wall = this.wall(groupId);
      const last = Math.max(0, ...wall.posts.map((p) => p.id), ...wall.comments.map((c) => c.id));
      entry = { posts: [], comments: [], nextId: last + 1 };
      this.added.set(groupId, entry);
    }
    return entry;
  }

  addPost(groupId: number, post: Omit<WorldPost, 'id'>): number {
    const entry = this.extra(groupId);
    const id = entry.nextId++;
    entry.posts.push({ ...post, id });
    return id;
  }

  /** Counts a wall.post on the community's wall; throws VK's 214 past the limit of the last 24 hours. */
  admitPost(groupId: number, nowSeconds: number, refuse: () => Error): void {
    const recent = (this.postTimes.get(groupId) ?? []).filter((t) => t > nowSeconds - 86_400);
    if (recent.length >= this.postsPerDay) throw refuse();
    recent.push(nowSeconds);
    this.postTimes.set(groupId, recent);
  }

  /** Posts VK holds for later (wall.post with publish_date), not yet on the wall. */
  postponed(groupId: number): WorldPost[] {
    const nowSeconds = Math.floor(this.now() / 1000);
    return (this.added.get(groupId)?.posts ?? []).filter((p) => p.date > nowSeconds);
  }

  /** A comment its author deleted on VK: it no longer comes back from wall.getComments, nor counts. */
  removeComment(groupId: number, commentId: number): void {
    const set = this.removed.get(groupId) ?? new Set<number>();
    set.add(commentId);
    this.removed.set(groupId, set);
  }

  addComment(groupId: number, comment: Omit<WorldComment, 'id'>): number {
    const entry = this.extra(groupId);
    const id = entry.nextId++;
    entry.comments.push({ ...comment, id });
    return id;
  }

  /** A photo or video awaiting its file: its key and the ticket of its upload address. */
  addMedia(kind: SimMedia['kind'], ownerId: number): { media: SimMedia; ticket: string } {
    const media: SimMedia = { kind, ownerId, id: this.nextMediaId++, uploaded: false, size: 0 };
    this.media.set(`${ownerId}_${media.id}`, media);
    const ticket = `${kind}-${media.id}-${Math.random().toString(36).slice(2, 10)}`;
    this.uploads.set(ticket, media);
    return { media, ticket };
  }

  postByGuid(groupId: number, guid: string, now: number): number | undefined {
    const seen = this.guids.get(`${groupId}:${guid}`);
    return seen && now - seen.at < 3600 ? seen.postId : undefined;
  }

  rememberGuid(groupId: number, guid: string, postId: number, now: number): void {
    this.guids.set(`${groupId}:${guid}`, { postId, at: now });
  }

  /** A community's Bots Long Poll key; expiring it makes the next check answer failed: 2. */
  longPollKey(groupId: number, renew = false): string {
    if (renew || !this.lpKeys.has(groupId))
      this.lpKeys.set(groupId, `lp${groupId}-${Math.random().toString(36).slice(2, 10)}`);
    return this.lpKeys.get(groupId) as string;
  }

  /** Changes a comment added through the API or the admin endpoint (an edit or a deletion on VK). */
  changeComment(
    groupId: number,
    id: number,
    change: { text?: string; deleted?: boolean },
  ): WorldComment | undefined {
    const comment = this.added.get(groupId)?.comments.find((c) => c.id === id);
    if (comment) Object.assign(comment, change);
    return comment;
  }

  addPoll(poll: Omit<SimPoll, 'id'>): SimPoll {
    const created = { ...poll, id: this.nextPollId++ };
    this.polls.set(`${poll.ownerId}_${created.id}`, created);
    return created;
  }
}
