// Imports saved VK API responses (for users who got the data another way): a wall (wall.get, wall.getById),
// a post's comments (wall.getComments) or communities (groups.getById). Writes are idempotent upserts in one
// transaction, like the collector's.
import fs from 'node:fs';
import path from 'node:path';
import { unixSeconds } from '../platform/clock.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { findVkPage } from '../registry/index.ts';
import { parseComments, parseGroups, parsePosts, parseResponseText } from '../vk/index.ts';
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

export async function importVkWall(db: Db, file: string, pageRef: string, now = new Date()) {
  const posts = parsePosts(read(file), path.basename(file));
  const page = await pageOf(db, pageRef);
  const at = unixSeconds(now);
  await inTransaction(db, (tx) =>
    upsertPosts(
      tx,
      posts.map((p) => vkPostRow(p, page.id, at)),
    ),
  );
  return { page: page.id, posts: posts.length };
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
  const at = unixSeconds(now);
  const groupId = page.external_id ?? 0;
  await inTransaction(db, (tx) =>
    upsertComments(
      tx,
      comments.map((c) => vkCommentRow(c, page.id, groupId, postId ?? 0, at)),
    ),
  );
  return { page: page.id, comments: comments.length };
}

export async function importVkGroups(db: Db, file: string, now = new Date()) {
  const groups = parseGroups(read(file), path.basename(file));
  const at = unixSeconds(now);
  await inTransaction(db, (tx) => storeProfiles(tx, groups, at));
  return { pages: groups.length };
}
