// The collector: reads pages, posts and comments from the VK API into snapshots, within the tokens' limits.
// Profiles first (groups.getById, 500 a call), then walls: new posts since the last collected one (wall.get,
// batched 25 pages a request through execute), then comments of posts whose count changed or that are young.
// Each page is written in one transaction with its checkpoint, and every write is an upsert by VK id, so a
// collection killed at any moment and run again ends with every post and comment stored exactly once.

import pLimit from 'p-limit';
import { unixSeconds } from '../platform/clock.ts';
import { crashPoint } from '../platform/crash-points.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import {
  classify,
  leaseTokens,
  loadUsage,
  type PoolTokenSpec,
  parseComments,
  parsePosts,
  saveUsage,
  type TokenLease,
  TokenPool,
  VkApiError,
  type VkComment,
  type VkPost,
} from '../vk/index.ts';
import {
  type CollectTarget,
  listCollectTargets,
  newestPostIds,
  setPageStatus,
  storedCommentCounts,
} from './collect.repo.ts';
import { collectProfiles } from './collect-profiles.ts';
import { failInterruptedCollections, startCollectionRun, updateCollectionRun } from './run.repo.ts';
import { markPagesCollected, markVanishedComments, upsertComments, upsertPosts } from './snapshot.repo.ts';
import { vkCommentRow, vkPostRow } from './vk-rows.ts';

const DAY = 86_400;

export type CollectOptions = {
  baseUrl: string;
  tokens: PoolTokenSpec[];
  /** Posts older than this many days are not read (the audit window and some margin). */
  windowDays?: number;
  /** Comments of posts younger than this are re-read even when their count did not change. */
  freshDays?: number;
  now?: () => Date;
  onProgress?: (p: CollectProgress) => void;
  /** Pages per wave: one execute of wall.get for 25 of them. */
  wave?: number;
  /** How long one VK request may take before it is retried; default 15 s. */
  requestTimeoutMs?: number;
};

export type CollectProgress = {
  /** Tokens still usable (not refused by VK). */
  tokens: number;
  pagesDone: number;
  pagesTotal: number;
  requests: number;
  requestsPerSecond: number;
  ceiling: number;
  etaSeconds: number;
};

export type CollectReport = {
  runId: number;
  pages: number;
  inaccessible: number;
  posts: number;
  comments: number;
  /** Stored comments found gone from VK in this run (marked deleted, kept). */
  vanished: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  ceiling: number;
  errors: Record<string, number>;
};

export function emptyReport(runId: number, ceiling: number): CollectReport {
  return {
    runId,
    pages: 0,
    inaccessible: 0,
    posts: 0,
    comments: 0,
    vanished: 0,
    requests: 0,
    seconds: 0,
    requestsPerSecond: 0,
    ceiling,
    errors: {},
  };
}

export async function collect(db: Db, options: CollectOptions): Promise<CollectReport> {
  const now = () => options.now?.() ?? new Date();
  const started = performance.now();
  const at = unixSeconds(now());
  const day = Math.floor(at / DAY);
  // The tokens are leased like a worker's, so a collection run by hand and the workers never share one.
  const lease = await leaseTokens(db, options.tokens, { count: options.tokens.length, waitMs: 10_000 });
  if (!lease)
    throw new AppError(
      'CONFLICT',
      'collect: every given VK token is in use by a worker or another collection',
    );
  try {
    return await collectLeased(db, options, lease, { now, started, at, day });
  } finally {
    await lease.release();
  }
}

async function collectLeased(
  db: Db,
  options: CollectOptions,
  lease: TokenLease,
  time: { now: () => Date; started: number; at: number; day: number },
): Promise<CollectReport> {
  const { now, started, at, day } = time;
  const pool = new TokenPool(lease.specs, {
    baseUrl: options.baseUrl,
    usage: await loadUsage(db, day, lease.keys),
    guard: lease.check,
    ...(options.requestTimeoutMs ? { timeoutMs: options.requestTimeoutMs } : {}),
  });
  const targets = await listCollectTargets(db);
  await failInterruptedCollections(db, at);
  const runId = await startCollectionRun(db, 'vk', targets.length, at);
  const report = emptyReport(runId, pool.ceiling);
  const progress = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = pool.requests / Math.max(seconds, 0.001);
    const left = targets.length - report.pages;
    options.onProgress?.({
      tokens: pool.tokenStates().filter((t) => !t.dead).length,
      pagesDone: report.pages,
      pagesTotal: targets.length,
      requests: pool.requests,
      requestsPerSecond: Math.round(rate * 10) / 10,
      ceiling: pool.ceiling,
      etaSeconds: report.pages > 0 ? Math.round((seconds / report.pages) * left) : 0,
    });
  };
  try {
    await collectPages(
      db,
      pool,
      targets,
      { ...options, at, parallel: lease.specs.length * 2 },
      report,
      async () => {
        await saveUsage(db, day, pool.usage);
        await updateCollectionRun(db, runId, { pagesDone: report.pages });
        progress();
      },
    );
    finish(report, pool, started);
    await saveUsage(db, day, pool.usage);
    await updateCollectionRun(db, runId, {
      status: 'done',
      pagesDone: targets.length,
      finishedAt: unixSeconds(now()),
      stats: report,
    });
    return report;
  } catch (error) {
    finish(report, pool, started);
    await saveUsage(db, day, pool.usage);
    await updateCollectionRun(db, runId, {
      status: 'failed',
      finishedAt: unixSeconds(now()),
      stats: { ...report, error: (error as Error).message },
    });
    throw error;
  }
}

export type PagesOptions = {
  at: number;
  windowDays?: number | undefined;
  freshDays?: number | undefined;
  wave?: number | undefined;
  /** Waves in flight at once. */
  parallel: number;
};

/**
 * Profiles, walls and comments of the given pages with the pool's tokens, counted into `report`; `afterWave`
 * runs after each wave's pages are stored (checkpoints, progress). A failed wave fails the whole call, after
 * the waves in flight end.
 */
export async function collectPages(
  db: Db,
  pool: TokenPool,
  targets: CollectTarget[],
  options: PagesOptions,
  report: CollectReport,
  afterWave: () => Promise<void>,
): Promise<void> {
  const { at } = options;
  const readable = await collectProfiles(db, pool, targets, at, report);
  const cutoff = at - (options.windowDays ?? 120) * DAY;
  const fresh = at - (options.freshDays ?? 7) * DAY;
  const wave = options.wave ?? 25;
  const limit = pLimit(Math.max(2, options.parallel));
  const waves: CollectTarget[][] = [];
  for (let i = 0; i < readable.length; i += wave) waves.push(readable.slice(i, i + wave));
  let failed = false;
  await Promise.all(
    waves.map((pages) =>
      limit(async () => {
        if (failed) return;
        await collectWave(db, pool, pages, { at, cutoff, fresh }, report).catch((error: unknown) => {
          failed = true;
          throw error;
        });
        report.pages += pages.length;
        await afterWave();
      }),
    ),
  );
  report.pages += targets.length - readable.length;
}

export function finish(report: CollectReport, pool: TokenPool, started: number) {
  report.requests = pool.requests;
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  report.requestsPerSecond = Math.round((pool.requests / Math.max(report.seconds, 0.001)) * 10) / 10;
  report.errors = Object.fromEntries(pool.errors);
}

type Window = { at: number; cutoff: number; fresh: number };

async function collectWave(
  db: Db,
  pool: TokenPool,
  pages: CollectTarget[],
  w: Window,
  report: CollectReport,
): Promise<void> {
  const newest = await newestPostIds(
    db,
    pages.map((p) => p.id),
  );
  const firsts = await pool.many(
    pages.map((p) => ({ method: 'wall.get', params: { owner_id: -(p.external_id ?? 0), count: 100 } })),
  );
  // A page that turns inaccessible (closed, deleted: 15, 18, 30) at any call of its own is marked and skipped.
  const lost = new Set<number>();
  const markLost = async (page: CollectTarget, error: VkApiError) => {
    if (lost.has(page.id)) return;
    lost.add(page.id);
    await inTransaction(db, async (tx) => {
      await setPageStatus(tx, page.id, error.code === 18 ? 'deleted' : 'closed', w.at);
      await markPagesCollected(tx, [page.id], w.at);
    });
    report.inaccessible++;
  };
  const guarded = async <T>(page: CollectTarget, work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof VkApiError) || classify(error) !== 'inaccessible') throw error;
      await markLost(page, error);
      return null;
    }
  };
  const walls = await Promise.all(
    pages.map(async (page, k) => {
      const first = firsts[k];
      if (first instanceof VkApiError) {
        await markLost(page, first);
        return null;
      }
      const read = await guarded(page, () =>
        readNewPosts(pool, page, first, newest.get(page.id) ?? 0, w.cutoff),
      );
      return read ? { page, posts: read.posts, known: read.known } : null;
    }),
  );
  const readableWalls = walls.filter(
    (x): x is { page: CollectTarget; posts: VkPost[]; known: VkPost[] } => x !== null,
  );
  // Comments of the whole wave in one batch of calls: 25 posts a request through execute.
  // Per page, the posts whose comments were read in full, with the comments VK returned: the rest vanished.
  const readIn = new Map<number, Map<number, Set<number>>>();
  const seenOf = (pageId: number, postId: number) => {
    const page = readIn.get(pageId) ?? new Map<number, Set<number>>();
    readIn.set(pageId, page);
    const seen = page.get(postId) ?? new Set<number>();
    page.set(postId, seen);
    return seen;
  };
  const wanted = (
    await Promise.all(
      readableWalls.map(async ({ page, posts, known }) => {
        const { read, emptied } = await commentsWanted(db, page, posts, known, w);
        for (const post of emptied) seenOf(page.id, post.id);
        return read.map((post) => ({ page, post }));
      }),
    )
  ).flat();
  const firstComments = await pool.many(
    wanted.map(({ page, post }) => ({
      method: 'wall.getComments',
      params: { owner_id: -(page.external_id ?? 0), post_id: post.id, count: 100, thread_items_count: 10 },
    })),
  );
  const commentsOf = new Map<number, { c: VkComment; postId: number }[]>();
  await Promise.all(
    wanted.map(async ({ page, post }, k) => {
      const response = firstComments[k];
      if (response instanceof VkApiError) {
        if (classify(response) === 'inaccessible') await markLost(page, response);
        return;
      }
      const list = await guarded(page, () => readCommentPages(pool, page, post, response));
      if (!list) return;
      const seen = seenOf(page.id, post.id);
      for (const { c } of list) seen.add(c.id);
      const known = commentsOf.get(page.id);
      if (known) known.push(...list);
      else commentsOf.set(page.id, list);
    }),
  );
  for (const { page, posts, known } of readableWalls) {
    if (lost.has(page.id)) continue;
    const comments = commentsOf.get(page.id) ?? [];
    // Rows made before the transaction, which holds SQLite's write lock only while they are written.
    const postRows = [...posts, ...known].map((p) => vkPostRow(p, page.id, -(page.external_id ?? 0), w.at));
    const commentRows = comments.map(({ c, postId }) =>
      vkCommentRow(c, page.id, page.external_id ?? 0, postId, w.at),
    );
    await inTransaction(db, async (tx) => {
      await upsertPosts(tx, postRows);
      await upsertComments(tx, commentRows);
      report.vanished += await markVanishedComments(tx, page.id, readIn.get(page.id) ?? new Map(), w.at);
      await markPagesCollected(tx, [page.id], w.at);
    });
    crashPoint('collect.after-page');
    report.posts += posts.filter((p) => !p.is_pinned && p.id > (newest.get(page.id) ?? 0)).length;
    report.comments += comments.length;
  }
}

/**
 * Pages the wall until the newest stored post or the window's start. `known`: the stored posts on the page of
 * posts where it stopped (already fetched, so free): their counters are refreshed, and their comments re-read
 * when VK's count changed (new ones, or some deleted on VK).
 */
async function readNewPosts(
  pool: TokenPool,
  page: CollectTarget,
  first: unknown,
  newest: number,
  cutoff: number,
): Promise<{ posts: VkPost[]; known: VkPost[] }> {
  const out: VkPost[] = [];
  const known: VkPost[] = [];
  let response = first;
  for (let offset = 0; ; offset += 100) {
    const count = (response as { count?: number }).count ?? 0;
    const items = parsePosts(response, 'wall.get');
    let reachedKnown = false;
    for (const post of items) {
      if (post.is_pinned) {
        out.push(post);
        continue;
      }
      if (post.id <= newest || post.date < cutoff) {
        reachedKnown = true;
        if (post.date >= cutoff) known.push(post);
        continue;
      }
      if (!reachedKnown) out.push(post);
      else if (post.date >= cutoff) known.push(post);
    }
    if (reachedKnown || offset + 100 >= count || items.length === 0) break;
    response = await pool.call('wall.get', {
      owner_id: -(page.external_id ?? 0),
      count: 100,
      offset: offset + 100,
    });
  }
  return { posts: out, known };
}

/**
 * Posts in the window whose comment count changed since the last collection, or that are still young (`read`);
 * and those VK now counts no comments on though some are stored (`emptied`: every stored one vanished).
 */
async function commentsWanted(db: Db, page: CollectTarget, posts: VkPost[], known: VkPost[], w: Window) {
  const stored = await storedCommentCounts(db, page.id);
  const inWindow = posts.filter((p) => p.date >= w.cutoff);
  const count = (p: VkPost) => p.comments?.count ?? 0;
  const changed = (p: VkPost) => count(p) !== (stored.get(p.id) ?? 0);
  return {
    read: [
      ...inWindow.filter((p) => count(p) > 0 && (changed(p) || p.date >= w.fresh)),
      ...known.filter((p) => count(p) > 0 && changed(p)),
    ],
    emptied: [...inWindow, ...known].filter((p) => count(p) === 0 && (stored.get(p.id) ?? 0) > 0),
  };
}

/** All comments of a post from its first page of comments: further pages and long threads one call each. */
async function readCommentPages(pool: TokenPool, page: CollectTarget, post: VkPost, first: unknown) {
  const owner = -(page.external_id ?? 0);
  const out: { c: VkComment; postId: number }[] = [];
  let response = first;
  for (let offset = 0; ; offset += 100) {
    const total = (response as { count?: number }).count ?? 0;
    const top =
      (response as { items?: { id: number; thread?: { count?: number; items?: unknown[] } }[] }).items ?? [];
    // Threads longer than VK sent inline are read in full below, so none of them misses replies here.
    for (const { repliesMissing: _, ...c } of parseComments(response, 'wall.getComments'))
      out.push({ c, postId: post.id });
    for (const parent of top) {
      if ((parent.thread?.count ?? 0) <= (parent.thread?.items?.length ?? 0)) continue;
      for (let at = 0; at < (parent.thread?.count ?? 0); at += 100) {
        const replies = await pool.call('wall.getComments', {
          owner_id: owner,
          post_id: post.id,
          comment_id: parent.id,
          count: 100,
          offset: at,
        });
        for (const c of parseComments(replies, 'wall.getComments'))
          out.push({
            c: { ...c, parents_stack: c.parents_stack?.length ? c.parents_stack : [parent.id] },
            postId: post.id,
          });
      }
    }
    if (offset + 100 >= total || top.length === 0) break;
    response = await pool.call('wall.getComments', {
      owner_id: owner,
      post_id: post.id,
      count: 100,
      offset: offset + 100,
      thread_items_count: 10,
    });
  }
  // A long thread's first replies came inline and again in its full read: each comment once (the full read's),
  // as one upsert may not name a row twice (PostgreSQL refuses it).
  return [...new Map(out.map((x) => [x.c.id, x])).values()];
}
