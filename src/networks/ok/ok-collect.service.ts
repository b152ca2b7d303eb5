// Collects every OK page in the registry through one OkClient (its pace keeps the token within OK's limits):
// resolves short names, reads each group, stores its status, topics and comments. A page OK does not know is
// marked deleted; a closed group closed; an error leaves the page as it was and is counted.
import type { Db } from '../../platform/db.ts';
import { markNetworkPage } from '../../registry/index.ts';
import type { NetCollectOptions } from '../net-collect-options.ts';
import {
  insertNetworkSnapshot,
  listNetworkPages,
  upsertNetworkComments,
  upsertNetworkPosts,
} from '../net-content.repo.ts';
import type { OkClient } from './ok-client.ts';
import { collectOkGroup } from './ok-collect.ts';

export type OkRunSummary = {
  pages: number;
  collected: number;
  posts: number;
  comments: number;
  failed: number;
  calls: number;
};

export async function collectOkPages(
  db: Db,
  client: OkClient,
  options: NetCollectOptions,
): Promise<OkRunSummary> {
  const now = () => Math.floor((options.now ?? Date.now)() / 1000);
  const summary: OkRunSummary = { pages: 0, collected: 0, posts: 0, comments: 0, failed: 0, calls: 0 };
  const before = client.calls;
  for (const page of await listNetworkPages(db, 'ok')) {
    if (options.after !== undefined && page.id <= options.after) continue;
    summary.pages++;
    const ref = {
      network: 'ok' as const,
      url: page.url,
      externalId: page.external_id !== null ? String(page.external_id) : null,
      screenName: page.screen_name,
    };
    const got = await collectOkGroup(client, ref, options.sinceSec);
    if (!got.ok) {
      if (got.errorClass === 'not_found')
        await markNetworkPage(db, page.id, { status: 'deleted', collectedAt: now() });
      else summary.failed++;
      await options.onPage?.(page.id);
      continue;
    }
    const at = now();
    await upsertNetworkPosts(db, page.id, got.posts, at);
    await upsertNetworkComments(db, page.id, got.comments, at);
    await insertNetworkSnapshot(db, page.id, got.page, at);
    await markNetworkPage(db, page.id, {
      status: got.page.gone ? 'deleted' : got.page.facts.isClosed ? 'closed' : 'active',
      externalId: Number(got.page.externalId),
      collectedAt: at,
    });
    summary.collected++;
    summary.posts += got.posts.length;
    summary.comments += got.comments.length;
    await options.onPage?.(page.id);
  }
  summary.calls = client.calls - before;
  return summary;
}
