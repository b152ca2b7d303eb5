// Loads a demo world straight into the database, bypassing VK: the registry through the real importer,
// then each community's profile, posts and comments as a collection would store them. For tests,
// benchmarks and the demo. Writes go in batches of pages, each batch one transaction, all idempotent.
import path from 'node:path';
import { unixSeconds } from '../platform/clock.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import { importRegistryFile, upsertKnownPages, vkPageUrl } from '../registry/index.ts';
import {
  type LoadedWorld,
  readWorld,
  WORLD_FILES,
  type WorldCommunity,
  wallOf,
  worldEnd,
} from '../vk-sim/index.ts';
import { startCollectionRun, updateCollectionRun } from './run.repo.ts';
import {
  type CommentRow,
  insertSnapshots,
  markPagesCollected,
  type PostRow,
  upsertComments,
  upsertPosts,
} from './snapshot.repo.ts';
import { commentRow, isWallReadable, pageStatusOf, postRow, snapshotRow } from './world-rows.ts';

export type WorldLoadOptions = {
  /** Pages per transaction. */
  batch?: number;
  onProgress?: (pagesDone: number, pagesTotal: number) => void;
};

export type WorldLoadReport = {
  institutions: number;
  pages: number;
  posts: number;
  comments: number;
  runId: number;
};

export async function loadWorld(
  db: Db,
  dir: string,
  options: WorldLoadOptions = {},
): Promise<WorldLoadReport> {
  const world = readWorld(dir);
  const registry = await importRegistryFile(db, path.join(dir, WORLD_FILES.registry), {
    now: new Date(worldEnd(world.meta) * 1000),
  });
  const at = worldEnd(world.meta);
  const runId = await startCollectionRun(db, 'world-load', world.communities.length, unixSeconds(new Date()));
  const report: WorldLoadReport = {
    institutions: registry.created + registry.updated,
    pages: 0,
    posts: 0,
    comments: 0,
    runId,
  };
  try {
    const batch = options.batch ?? 250;
    for (let i = 0; i < world.communities.length; i += batch) {
      const slice = world.communities.slice(i, i + batch);
      await inTransaction(db, (tx) => loadCommunities(tx, world, slice, at, report));
      options.onProgress?.(Math.min(i + batch, world.communities.length), world.communities.length);
      await updateCollectionRun(db, runId, { pagesDone: report.pages });
    }
    await updateCollectionRun(db, runId, {
      status: 'done',
      finishedAt: unixSeconds(new Date()),
      stats: { posts: report.posts, comments: report.comments },
    });
  } catch (error) {
    await updateCollectionRun(db, runId, { status: 'failed', finishedAt: unixSeconds(new Date()) });
    throw error;
  }
  return report;
}

async function loadCommunities(
  db: Db,
  world: LoadedWorld,
  communities: WorldCommunity[],
  at: number,
  report: WorldLoadReport,
): Promise<void> {
  const pageIds = await upsertKnownPages(
    db,
    communities.map((c) => ({
      inn: c.inn,
      external_id: c.id,
      screen_name: c.screen_name,
      url: vkPageUrl(c.id, c.screen_name),
      status: pageStatusOf(c),
    })),
    at,
  );
  const snapshots = [];
  const posts: PostRow[] = [];
  const comments: CommentRow[] = [];
  for (const community of communities) {
    const pageId = pageIds.get(community.id);
    if (pageId === undefined) continue;
    snapshots.push(snapshotRow(community, pageId, at));
    if (!isWallReadable(community)) continue;
    const wall = wallOf(community, world.meta);
    for (const post of wall.posts) posts.push(postRow(post, pageId, community.id, at));
    for (const comment of wall.comments) comments.push(commentRow(comment, pageId, community.id, at));
  }
  await insertSnapshots(db, snapshots);
  await upsertPosts(db, posts);
  await upsertComments(db, comments);
  await markPagesCollected(db, [...pageIds.values()], at);
  report.pages += snapshots.length;
  report.posts += posts.length;
  report.comments += comments.length;
}
