// The pages that read and answer their community's messages: those with an enabled community token and a VK
// community id, one page per community. Shared by the Long Poll worker and the collector's messages backstop.
import type { Db } from '../platform/db.ts';
import { listVkTokens } from '../vk/index.ts';
import { pagesOfIds } from './messages.repo.ts';

export async function communityPages(db: Db): Promise<{ id: number; groupId: number }[]> {
  const pageIds = (await listVkTokens(db))
    .filter((t) => t.role === 'community' && !t.disabled && t.pageId !== null)
    .map((t) => t.pageId as number);
  const out: { id: number; groupId: number }[] = [];
  for (const page of await pagesOfIds(db, [...new Set(pageIds)])) {
    const groupId = page.external_id;
    if (!groupId || out.some((p) => p.groupId === groupId)) continue;
    out.push({ id: page.id, groupId });
  }
  return out;
}
