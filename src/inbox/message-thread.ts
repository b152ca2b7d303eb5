// Which community messages wait: in each conversation, a person's message after the community's last word
// starts a waiting stretch, answered by the community's next message. Pure, like thread.ts for comments.
import type { MessageRow } from './messages.repo.ts';
import type { Waiting } from './thread.ts';

export type MessageWaiting = { first: MessageRow; answeredAt: number | null; answerVkId: number | null };

/** The waiting stretches of messages (rows of one or more conversations, each conversation in VK order). */
export function waitingMessages(rows: MessageRow[]): MessageWaiting[] {
  const out: MessageWaiting[] = [];
  const open = new Map<string, MessageWaiting>();
  for (const r of rows) {
    const key = `${r.page_id}:${r.peer_id}`;
    const current = open.get(key);
    if (r.is_out === 1) {
      if (current) {
        current.answeredAt = r.sent_at;
        current.answerVkId = r.vk_id;
        open.delete(key);
      }
    } else if (!current) {
      const w = { first: r, answeredAt: null, answerVkId: null };
      out.push(w);
      open.set(key, w);
    }
  }
  return out;
}

/** A stretch as the metrics' Waiting (its first message is "the question"). */
export function asWaiting(w: MessageWaiting): Waiting {
  return {
    comment: {
      vkId: w.first.vk_id,
      postVkId: 0,
      isFromCommunity: false,
      isDeleted: false,
      postedAt: w.first.sent_at,
      replyTo: null,
      threadRoot: null,
      text: w.first.text,
    },
    answeredAt: w.answeredAt,
    answerVkId: w.answerVkId,
  };
}
