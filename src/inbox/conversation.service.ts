// One conversation of a page's community with a person, for those who may read messages; the read is logged.

import { recordAction } from '../platform/audit-log.ts';
import type { Db } from '../platform/db.ts';
import { notFound } from '../platform/scope.ts';
import { conversationOf, messageInScope } from './messages.repo.ts';
import { type MessageCaller, mayReadMessages } from './messages.service.ts';

export async function conversationFor(db: Db, caller: MessageCaller, messageId: number, now: number) {
  const message = mayReadMessages(caller) ? await messageInScope(db, caller.scope, messageId) : undefined;
  if (!message) throw notFound('message', messageId);
  const rows = await conversationOf(db, message.page_id, message.peer_id);
  await recordAction(
    db,
    { userId: caller.userId, login: caller.login },
    {
      action: 'inbox.conversation.read',
      targetType: 'page',
      targetId: message.page_id,
      at: now,
      details: { peerId: message.peer_id, messages: rows.length },
    },
    {
      regionCode: message.region_code,
      municipalityId: message.municipality_id,
      institutionId: message.institution_id,
    },
  );
  return {
    pageId: message.page_id,
    peerId: message.peer_id,
    messages: rows.map((r) => ({
      id: r.id,
      vkId: r.vk_id,
      isOut: r.is_out === 1,
      text: r.text,
      sentAt: r.sent_at,
    })),
  };
}
