// Collects every MAX page in the registry through the institution-admin bot: the bot's channels by public link,
// each channel's profile and posts stored (posts under the channel's seq); a channel the bot is not an admin of
// is counted, not guessed.
import type { Db } from '../../platform/db.ts';
import { markNetworkPage } from '../../registry/index.ts';
import type { NetCollectOptions } from '../net-collect-options.ts';
import { insertNetworkSnapshot, listNetworkPages, upsertNetworkPosts } from '../net-content.repo.ts';
import type { MaxClient } from './max-client.ts';
import { botChannels, collectMaxChannel } from './max-collect.ts';

export type MaxRunSummary = {
  pages: number;
  collected: number;
  posts: number;
  notAdmin: number;
  failed: number;
};

/** Channels read ahead of the one being written. */
const READ_AHEAD = 4;

export async function collectMaxPages(
  db: Db,
  client: MaxClient,
  options: NetCollectOptions,
): Promise<MaxRunSummary> {
  const now = () => Math.floor((options.now ?? Date.now)() / 1000);
  const summary: MaxRunSummary = { pages: 0, collected: 0, posts: 0, notAdmin: 0, failed: 0 };
  const chats = await botChannels(client);
  const todo = (await listNetworkPages(db, 'max')).filter(
    (page) => options.after === undefined || page.id > options.after,
  );
  // The next channels are read while this one is written (the client keeps the bot's pace), so the pace is not
  // idle during the writes; pages are still written, and checkpointed, in order.
  const read = (page: (typeof todo)[number]) => {
    const ref = { network: 'max' as const, url: page.url, externalId: null, screenName: page.screen_name };
    const chatId = chats.get(page.url.replace(/^https?:\/\//, '').toLowerCase());
    const pending = collectMaxChannel(client, ref, chatId, options.sinceSec);
    pending.catch(() => undefined);
    return pending;
  };
  const ahead = todo.slice(0, READ_AHEAD).map(read);
  for (const [i, page] of todo.entries()) {
    const got = await (ahead.shift() as ReturnType<typeof read>);
    const following = todo[i + READ_AHEAD];
    if (following) ahead.push(read(following));
    summary.pages++;
    if (!got.ok) {
      if (got.errorClass === 'bot_not_admin') summary.notAdmin++;
      else summary.failed++;
      await options.onPage?.(page.id);
      continue;
    }
    const at = now();
    await upsertNetworkPosts(db, page.id, got.posts, at);
    await insertNetworkSnapshot(db, page.id, got.page, at);
    await markNetworkPage(db, page.id, {
      status: got.page.gone ? 'deleted' : 'active',
      externalId: Number(got.page.externalId),
      collectedAt: at,
    });
    summary.collected++;
    summary.posts += got.posts.length;
    await options.onPage?.(page.id);
  }
  return summary;
}
