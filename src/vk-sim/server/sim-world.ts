// The simulator's state: the world's communities, their walls (grown on demand, kept in a bounded cache) and
// what clients added through the API (posts, comments, polls), which later reads return like the rest.
import { wallOf } from '../world/wall.ts';
import type { Wall, WorldComment, WorldCommunity, WorldPost } from '../world/world.types.ts';
import type { LoadedWorld } from '../world/world-files.ts';

const CACHED_WALLS = 5000;

export type SimPoll = {
  id: number;
  ownerId: number;
  question: string;
  answers: string[];
  multiple: boolean;
  endDate: number;
};

export class SimWorld {
  readonly byId = new Map<number, WorldCommunity>();
  readonly byScreenName = new Map<string, WorldCommunity>();
  private readonly walls = new Map<number, Wall>();
  private readonly added = new Map<
    number,
    { posts: WorldPost[]; comments: WorldComment[]; nextId: number }
  >();
  readonly polls = new Map<string, SimPoll>();
  private nextPollId = 1;

  constructor(readonly world: LoadedWorld) {
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
    if (!extra) return base;
    const comments = [...base.comments, ...extra.comments];
    const counts = new Map<number, number>();
    for (const c of extra.comments) counts.set(c.post_id, (counts.get(c.post_id) ?? 0) + 1);
    const posts = [...base.posts, ...extra.posts].map((p) =>
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

  addComment(groupId: number, comment: Omit<WorldComment, 'id'>): number {
    const entry = this.extra(groupId);
    const id = entry.nextId++;
    entry.comments.push({ ...comment, id });
    return id;
  }

  addPoll(poll: Omit<SimPoll, 'id'>): SimPoll {
    const created = { ...poll, id: this.nextPollId++ };
    this.polls.set(`${poll.ownerId}_${created.id}`, created);
    return created;
  }
}
