// Handing a draft to VK ahead of its time as a postponed post (wall.post's publish_date): VK holds it and publishes
// it then, even while Publica is down. Which drafts go (due within the hand-off window, never live broadcasts),
// the time VK is asked for, and how a handed-off draft is recorded (done, published at that time; the collection
// after it finds the post on the wall).
import type { Db } from '../platform/db.ts';
import type { DraftRow } from './planner.repo.ts';
import { handOffDrafts, updateDraft } from './planner.repo.ts';

/** VK is handed a post only this far ahead at least (its publish_date must be in the future when it arrives). */
export const HAND_OFF_LEAD_SECONDS = 120;

/** The time to ask VK to publish the draft at, or null to post it now. */
export function handOffTime(draft: DraftRow, now: number, handOff: boolean | undefined): number | null {
  return handOff && draft.kind !== 'live' && (draft.planned_at ?? 0) > now + HAND_OFF_LEAD_SECONDS
    ? (draft.planned_at as number)
    : null;
}

/** Scheduled drafts due within `handOffSeconds` from now (past the lead), to hand to VK now. */
export async function handOffQueue(db: Db, now: number, handOffSeconds: number | undefined, limit: number) {
  return handOffSeconds
    ? await handOffDrafts(db, now, now + HAND_OFF_LEAD_SECONDS, now + handOffSeconds, limit)
    : [];
}

/** A post VK holds for later is not on the wall yet: the draft is done, published at `postponedTo`. */
export async function recordHandedOff(
  tx: Db,
  draft: DraftRow,
  postId: number,
  attempts: number,
  now: number,
  postponedTo: number,
) {
  const state = { ...(JSON.parse(draft.publish_state_json) as Record<string, unknown>), postponedTo };
  await updateDraft(tx, draft.id, ['publishing'], {
    status: 'published',
    vk_post_id: postId,
    published_at: postponedTo,
    publish_state_json: JSON.stringify(state),
    attempts,
    claimed_at: null,
    last_error: null,
    next_attempt_at: null,
    updated_at: now,
  });
}
