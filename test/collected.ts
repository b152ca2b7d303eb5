// What a collection stored against what the world holds, as sorted "community_item" keys, so a test compares
// the two exactly: nothing lost, nothing doubled, nothing extra.
import type { Db } from '../src/platform/db.ts';
import { type GeneratedWorld, wallOf } from '../src/vk-sim/index.ts';

export type Keys = { posts: string[]; comments: string[] };

/** Every page's posts and comments, or one network's (`platform`). */
export async function storedKeys(db: Db, platform?: 'vk' | 'ok' | 'max'): Promise<Keys> {
  const posts = await db.kysely
    .selectFrom('posts')
    .innerJoin('pages', 'pages.id', 'posts.page_id')
    .select(['pages.external_id', 'posts.vk_id'])
    .$if(platform !== undefined, (q) => q.where('pages.platform', '=', platform as 'vk'))
    .execute();
  const comments = await db.kysely
    .selectFrom('comments')
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .select(['pages.external_id', 'comments.vk_id'])
    .where('comments.is_deleted', '=', 0)
    .$if(platform !== undefined, (q) => q.where('pages.platform', '=', platform as 'vk'))
    .execute();
  const key = (r: { external_id: number | null; vk_id: number }) => `${r.external_id}_${r.vk_id}`;
  return { posts: posts.map(key).sort(), comments: comments.map(key).sort() };
}

/** Pages the registry lists and VK lets anyone read. */
export function readableCommunities(world: GeneratedWorld) {
  return world.communities.filter((c) => c.registry_url !== null && !c.deactivated && c.is_closed === 0);
}

export function worldKeys(world: GeneratedWorld, except: (id: number) => boolean = () => false): Keys {
  const readable = readableCommunities(world).filter((c) => !except(c.id));
  const walls = readable.map((c) => ({ id: c.id, wall: wallOf(c, world.meta) }));
  return {
    posts: walls.flatMap(({ id, wall }) => wall.posts.map((p) => `${id}_${p.id}`)).sort(),
    comments: walls
      .flatMap(({ id, wall }) => wall.comments.filter((x) => !x.deleted).map((x) => `${id}_${x.id}`))
      .sort(),
  };
}
