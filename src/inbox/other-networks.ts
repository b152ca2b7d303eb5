// The comments waiting on other networks, beside the inbox: OK topics' comments are collected (for the audit)
// but answered on OK itself, so the inbox says how many there are and links each topic on OK.
import type { Db } from '../platform/db.ts';
import type { Scope } from '../platform/scope.ts';
import { okCommentsByTopic } from './other-networks.repo.ts';

const DAY = 86_400;
/** Topics listed per group: the most commented; the total counts them all. */
const TOPICS_SHOWN = 5;

export type OtherNetworkPage = {
  network: 'ok';
  pageId: number;
  institution: string | null;
  url: string;
  comments: number;
  topics: { url: string; comments: number; lastAt: number }[];
};

/** An OK topic's address: https://ok.ru/group/<group id>/topic/<topic id>. */
export function okTopicUrl(groupId: number | string, topicId: number | string): string {
  return `https://ok.ru/group/${groupId}/topic/${topicId}`;
}

export async function otherNetworkComments(
  db: Db,
  caller: { scope: Scope },
  filter: { days?: number | undefined; pageId?: number | undefined },
  now: number,
): Promise<{ comments: number; pages: OtherNetworkPage[] }> {
  const rows = await okCommentsByTopic(db, caller.scope, {
    since: now - (filter.days ?? 60) * DAY,
    ...(filter.pageId !== undefined ? { pageId: filter.pageId } : {}),
  });
  const pages = new Map<number, OtherNetworkPage>();
  for (const r of rows) {
    let page = pages.get(r.page_id);
    if (!page) {
      page = {
        network: 'ok',
        pageId: r.page_id,
        institution: r.institution,
        url: r.url,
        comments: 0,
        topics: [],
      };
      pages.set(r.page_id, page);
    }
    const n = Number(r.n);
    page.comments += n;
    page.topics.push({
      url: r.external_id !== null ? okTopicUrl(r.external_id, r.post_vk_id) : r.url,
      comments: n,
      lastAt: Number(r.last_at),
    });
  }
  const list = [...pages.values()].sort((a, b) => b.comments - a.comments || a.pageId - b.pageId);
  for (const p of list)
    p.topics = p.topics.sort((a, b) => b.comments - a.comments || b.lastAt - a.lastAt).slice(0, TOPICS_SHOWN);
  return { comments: list.reduce((s, p) => s + p.comments, 0), pages: list };
}
