// VK's pushed events, from the Callback API or Bots Long Poll alike: each stored once by its event_id (a repeat
// changes nothing) and applied — message_new and message_reply to the community's messages, wall_reply_new,
// wall_reply_edit and wall_reply_delete to the comments — so that the order they arrive in does not matter
// (a deletion is final; a late "new" does not undo an edit). The collector stays the backstop.
import { z } from 'zod';
import {
  addEventComment,
  deleteEventComment,
  type EventComment,
  editEventComment,
} from '../collect/index.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { parseEventMessage } from '../vk/index.ts';
import { pagesOfGroup, storeMessage } from './messages.repo.ts';
import { claimEvent, releaseEvent } from './vk-events.repo.ts';

const eventSchema = z
  .object({
    type: z.string().min(1),
    group_id: z.coerce.number().int().positive(),
    event_id: z.string().min(1).max(200),
    object: z.unknown(),
  })
  .loose();

export type VkEvent = z.infer<typeof eventSchema>;

const id = z.coerce.number().int();
const commentSchema = z
  .object({
    id,
    post_id: id,
    owner_id: id,
    from_id: id.optional(),
    user_id: id.optional(),
    date: id.optional(),
    text: z.string().default(''),
    reply_to_comment: id.optional(),
    parents_stack: z.array(id).optional(),
  })
  .loose();

/** Reads an event body; a body that is not one names the field. */
export function parseVkEvent(body: unknown, where = 'body'): VkEvent {
  const parsed = eventSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'VALIDATION',
      `${where}.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'not a VK event'}`,
    );
  }
  return parsed.data;
}

export type EventOutcome = 'applied' | 'duplicate' | 'ignored' | 'unknown-community';

const HANDLED = new Set([
  'message_new',
  'message_reply',
  'wall_reply_new',
  'wall_reply_edit',
  'wall_reply_delete',
]);

export async function handleVkEvent(
  db: Db,
  event: VkEvent,
  source: 'callback' | 'long-poll',
  now: number,
): Promise<EventOutcome> {
  if (!HANDLED.has(event.type)) return 'ignored';
  const pages = await pagesOfGroup(db, event.group_id);
  if (pages.length === 0) return 'unknown-community';
  const claimed = await claimEvent(db, {
    eventId: event.event_id,
    groupId: event.group_id,
    type: event.type,
    source,
    payload: JSON.stringify(event.object ?? null),
    at: now,
  });
  if (!claimed) return 'duplicate';
  try {
    for (const page of pages) await apply(db, page.id, event, now);
  } catch (error) {
    // Not applied: forget it, so VK's next delivery (or the Long Poll's) is taken.
    await releaseEvent(db, event.group_id, event.event_id);
    throw error;
  }
  return 'applied';
}

async function apply(db: Db, pageId: number, event: VkEvent, now: number): Promise<void> {
  const where = `${event.type} ${event.event_id}`;
  if (event.type === 'message_new' || event.type === 'message_reply') {
    // message_new carries {message, client_info}; message_reply carries the message itself.
    const m = parseEventMessage(
      event.type === 'message_new' ? event.object : { message: event.object },
      where,
    );
    if (m.peer_id <= 0 || m.peer_id > 2_000_000_000) return; // conversations with people only
    await storeMessage(db, {
      pageId,
      peerId: m.peer_id,
      vkId: m.id,
      fromId: m.from_id,
      isOut: m.out || m.from_id < 0,
      text: m.text,
      sentAt: m.date,
      at: now,
    });
    return;
  }
  const parsed = commentSchema.safeParse(event.object);
  if (!parsed.success)
    throw new AppError(
      'VALIDATION',
      `${where}: object.${parsed.error.issues[0]?.path.join('.')}: not a comment`,
    );
  const c = parsed.data;
  const fromId = c.from_id ?? c.user_id ?? 0;
  const comment: EventComment = {
    pageId,
    postVkId: c.post_id,
    vkId: c.id,
    fromId,
    isFromCommunity: fromId === c.owner_id && fromId < 0,
    postedAt: c.date ?? now,
    replyTo: c.reply_to_comment ?? null,
    threadRoot: c.parents_stack?.[0] ?? null,
    text: c.text,
  };
  if (event.type === 'wall_reply_new') await addEventComment(db, comment, now);
  else if (event.type === 'wall_reply_edit') await editEventComment(db, comment, now);
  else await deleteEventComment(db, comment, now);
}
