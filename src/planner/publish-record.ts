// How a publication is recorded: the post goes into the page's posts and the draft is done, in one transaction.
import { insertPublishedPost } from '../collect/index.ts';
import type { Db } from '../platform/db.ts';
import { inTransaction } from '../platform/db.ts';
import type { DraftKind } from '../platform/db-schema.ts';
import { attachmentCounts, type DraftContent, messageOf } from './draft-content.ts';
import { type DraftRow, updateDraft } from './planner.repo.ts';
import { recordHandedOff } from './publish-hand-off.ts';

/**
 * The post goes into the page's posts at once (the next collection updates it), and the draft is done. A post VK
 * holds for later (`postponedTo`) is not on the wall yet: the draft is done, published at that time, and the
 * collection after it finds the post on the wall.
 */
export async function recordPublished(
  db: Db,
  draft: DraftRow,
  postId: number,
  attempts: number,
  now: number,
  postponedTo: number | null = null,
) {
  const counts = attachmentCounts(draft.kind as DraftKind, JSON.parse(draft.content_json) as DraftContent);
  await inTransaction(db, async (tx) => {
    if (postponedTo !== null) {
      await recordHandedOff(tx, draft, postId, attempts, now, postponedTo);
      return;
    }
    await insertPublishedPost(tx, {
      page_id: draft.page_id,
      vk_id: postId,
      posted_at: now,
      edited_at: null,
      text: messageOf(draft.text, draft.rubric),
      ...counts,
      docs: 0,
      links: 0,
      podcasts: 0,
      audios: 0,
      likes: 0,
      comments: 0,
      reposts: 0,
      views: 0,
      is_pinned: 0,
      is_ad: 0,
      is_repost: 0,
      repost_owner_id: null,
      repost_post_id: null,
      comments_closed: 0,
      is_deleted: 0,
      collected_at: now,
    });
    await updateDraft(tx, draft.id, ['publishing'], {
      status: 'published',
      vk_post_id: postId,
      published_at: now,
      attempts,
      claimed_at: null,
      last_error: null,
      next_attempt_at: null,
      updated_at: now,
    });
  });
}
