// Collects MAX channels through a bot that the institution added as an admin: GET /chats lists the bot's chats
// (marker paging) and finds each registered channel by its public link; GET /chats/{id} is the profile;
// GET /messages pages back in time (newest first, `from` moves to just before the oldest seen) to `since`.
import type { NetPage, NetPost } from '../model.ts';
import type { PageRef } from '../port.ts';
import { classifyMax, type MaxClient, type MaxErrorClass } from './max-client.ts';
import { parseMaxChat, parseMaxMessages } from './max-parse.ts';

export type MaxCollected =
  | { ok: true; ref: PageRef; page: NetPage; posts: NetPost[] }
  | { ok: false; ref: PageRef; error: string; errorClass: MaxErrorClass | 'bot_not_admin' };

type ChatRow = { chat_id: number; link?: string | null; type?: string };

/** Every chat the bot is in, by its canonical public link. */
export async function botChannels(client: MaxClient): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let marker: number | undefined;
  for (;;) {
    const page = (await client.request('GET', '/chats', { count: 100, marker })) as {
      chats?: ChatRow[];
      marker?: number | null;
    };
    for (const c of page.chats ?? [])
      if (c.link) out.set(c.link.replace(/^https?:\/\//, '').toLowerCase(), c.chat_id);
    if (!page.marker) return out;
    marker = page.marker;
  }
}

export async function collectMaxChannel(
  client: MaxClient,
  ref: PageRef,
  chatId: number | undefined,
  sinceSec: number,
): Promise<MaxCollected> {
  if (chatId === undefined)
    return {
      ok: false,
      ref,
      error: `${ref.url}: the bot is not an admin of this channel`,
      errorClass: 'bot_not_admin',
    };
  try {
    const page = parseMaxChat(await client.request('GET', `/chats/${chatId}`));
    const posts: NetPost[] = [];
    let from: number | undefined;
    for (;;) {
      const batch = parseMaxMessages(
        await client.request('GET', '/messages', { chat_id: chatId, count: 100, from }),
      );
      const fresh = batch.filter((p) => p.postedAt >= sinceSec);
      posts.push(...fresh);
      if (batch.length < 100 || fresh.length < batch.length) break;
      const oldest = Math.min(...batch.map((p) => p.postedAt));
      from = oldest * 1000 - 1;
    }
    return { ok: true, ref, page, posts };
  } catch (error) {
    return { ok: false, ref, error: (error as Error).message, errorClass: classifyMax(error) };
  }
}

/** Publishes a post to the channel: POST /messages?chat_id= with text (up to 4,000 characters). */
export async function publishMaxPost(client: MaxClient, chatId: number, text: string): Promise<string> {
  if (text.length > 4000)
    throw new Error(`MAX takes up to 4,000 characters in a message; this one has ${text.length}`);
  const res = (await client.request('POST', '/messages', { chat_id: chatId }, { text, notify: true })) as {
    message?: { body?: { mid?: string } };
  };
  const mid = res.message?.body?.mid;
  if (!mid) throw new Error('POST /messages: the answer has no message.body.mid');
  return mid;
}
