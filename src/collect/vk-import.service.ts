// Imports saved VK API responses (for users who got the data another way): a wall (wall.get, wall.getById),
// a post's comments (wall.getComments) or communities (groups.getById). Writes are idempotent upserts in one
// transaction, like the collector's.
import fs from 'node:fs';
import path from 'node:path';
import { unixSeconds } from '../platform/clock.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { findVkPage } from '../registry/index.ts';
import { isVisitorPost, parseComments, parseGroups, parsePosts, parseResponseText } from '../vk/index.ts';
import { upsertComments, upsertPosts } from './snapshot.repo.ts';
import { storeProfiles } from './store-profiles.ts';
import { vkCommentRow, vkPostRow } from './vk-rows.ts';

function read(file: string): unknown {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `${file}: no such file`);
  return parseResponseText(fs.readFileSync(file, 'utf8'), path.basename(file));
}

async function pageOf(db: Db, ref: string) {
  const page = await findVkPage(db, ref);
  if (!page)
    throw new AppError(
      'NOT_FOUND',
      `page ${ref} is not in the registry (import the registry or the community first)`,
    );
  return page;
}

/** Refuses a file holding another wall's items: nothing of it is written, and both ids are named. */
function checkOwner(
  items: { id: number; owner_id?: number | undefined }[],
  page: { id: number; external_id: number | null },
  pageRef: string,
  file: string,
  what: string,
) {
  if (page.external_id === null) return;
  const wall = -page.external_id;
  const i = items.findIndex((x) => x.owner_id !== undefined && x.owner_id !== wall);
  const item = items[i];
  if (item)
    throw new AppError(
      'VALIDATION',
      `${path.basename(file)}: items[${i}] (${what} ${item.id}) is from the wall of owner ${item.owner_id}, ` +
        `but page ${pageRef} is community ${page.external_id} (owner ${wall}); nothing was imported`,
    );
}

export async function importVkWall(db: Db, file: string, pageRef: string, now = new Date()) {
  const posts = parsePosts(read(file), path.basename(file));
  const page = await pageOf(db, pageRef);
  checkOwner(posts, page, pageRef, file, 'post');
  const at = unixSeconds(now);
  const owner = -(page.external_id ?? 0);
  await inTransaction(db, (tx) =>
    upsertPosts(
      tx,
      posts.map((p) => vkPostRow(p, page.id, owner, at)),
    ),
  );
  return {
    page: page.id,
    posts: posts.length,
    visitors: posts.filter((p) => isVisitorPost(p, owner)).length,
  };
}

export async function importVkComments(
  db: Db,
  file: string,
  pageRef: string,
  postId: number | undefined,
  now = new Date(),
) {
  const comments = parseComments(read(file), path.basename(file));
  const page = await pageOf(db, pageRef);
  const missing = comments.find((c) => c.post_id === undefined && postId === undefined);
  if (missing)
    throw new AppError(
      'VALIDATION',
      `${path.basename(file)}: comment ${missing.id} names no post; give --post`,
    );
  checkOwner(comments, page, pageRef, file, 'comment');
  const at = unixSeconds(now);
  const groupId = page.external_id ?? 0;
  await inTransaction(db, (tx) =>
    upsertComments(
      tx,
      comments.map((c) => vkCommentRow(c, page.id, groupId, postId ?? 0, at)),
    ),
  );
  // A thread VK sent only the start of: its question is neither answered nor unanswered for the audit.
  const warnings = comments
    .filter((c) => (c.repliesMissing ?? 0) > 0)
    .map(
      (c) =>
        `${path.basename(file)}: comment ${c.id}: VK counted ${c.thread?.count} replies but the file holds ` +
        `${c.thread?.items?.length ?? 0}; the audit treats its question as unknown, not unanswered ` +
        `(import the thread with wall.getComments comment_id=${c.id} to complete it)`,
    );
  return { page: page.id, comments: comments.length, warnings };
}

export async function importVkGroups(db: Db, file: string, now = new Date()) {
  const groups = parseGroups(read(file), path.basename(file));
  const at = unixSeconds(now);
  await inTransaction(db, (tx) => storeProfiles(tx, groups, at));
  return { pages: groups.length };
}
