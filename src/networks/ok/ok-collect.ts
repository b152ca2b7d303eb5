// Collects one OK group: resolves a short name (url.getInfo), reads the profile (group.getInfo), the topics
// back to `since` (mediatopic.getTopics, anchor paging) and the comments of every topic that has any
// (discussions.getComments). The client keeps the token's pace; OK's errors are classified for the caller.
import type { NetComment, NetPage, NetPost } from '../model.ts';
import type { PageRef } from '../port.ts';
import type { OkClient } from './ok-client.ts';
import { classifyOk, type OkErrorClass } from './ok-errors.ts';
import { OK } from './ok-methods.ts';
import { parseOkComments, parseOkGroup, parseOkTopics } from './ok-parse.ts';

export const OK_GROUP_FIELDS =
  'uid,name,shortname,description,members_count,access_type,main_photo,pic_avatar,cover,phone,homepage_url,status';

export type OkCollected =
  | { ok: true; ref: PageRef; page: NetPage; posts: NetPost[]; comments: NetComment[] }
  | { ok: false; ref: PageRef; error: string; errorClass: OkErrorClass | 'not_found' };

type Paged = { anchor?: string; has_more?: boolean };

export async function resolveOkGroupId(client: OkClient, ref: PageRef): Promise<string | null> {
  if (ref.externalId) return ref.externalId;
  const info = (await client.call(OK.urlGetInfo, { url: ref.url })) as {
    type?: string;
    objectIdStr?: string;
    objectId?: number;
  };
  if (info.type !== 'GROUP') return null;
  return info.objectIdStr ?? (info.objectId !== undefined ? String(info.objectId) : null);
}

export async function collectOkGroup(client: OkClient, ref: PageRef, sinceSec: number): Promise<OkCollected> {
  try {
    const gid = await resolveOkGroupId(client, ref);
    if (!gid) return { ok: false, ref, error: `${ref.url}: not an OK group`, errorClass: 'not_found' };
    const groups = await client.call(OK.groupGetInfo, { uids: gid, fields: OK_GROUP_FIELDS });
    if (Array.isArray(groups) && groups.length === 0)
      return { ok: false, ref, error: `${ref.url}: OK knows no group ${gid}`, errorClass: 'not_found' };
    const page = parseOkGroup(groups);
    const posts: NetPost[] = [];
    const comments: NetComment[] = [];
    if (page.facts.isClosed === true || page.gone) return { ok: true, ref, page, posts, comments };
    let anchor: string | undefined;
    for (;;) {
      const raw = (await client.call(OK.mediatopicGetTopics, {
        gid,
        count: 20,
        ...(anchor ? { anchor } : {}),
      })) as Paged;
      const batch = parseOkTopics(raw);
      const fresh = batch.filter((p) => p.postedAt >= sinceSec);
      posts.push(...fresh);
      if (!raw.has_more || fresh.length < batch.length || batch.length === 0) break;
      anchor = raw.anchor;
    }
    for (const post of posts) {
      if (!post.metrics.comments) continue;
      let cAnchor: string | undefined;
      for (;;) {
        const raw = (await client.call(OK.discussionsGetComments, {
          discussionId: post.id,
          discussionType: 'GROUP_TOPIC',
          count: 50,
          ...(cAnchor ? { anchor: cAnchor } : {}),
        })) as Paged;
        comments.push(
          ...parseOkComments(raw, post.id).map((c) => ({
            ...c,
            isFromPage: c.isFromPage || c.fromId === gid,
          })),
        );
        if (!raw.has_more) break;
        cAnchor = raw.anchor;
      }
    }
    return { ok: true, ref, page, posts, comments };
  } catch (error) {
    return { ok: false, ref, error: (error as Error).message, errorClass: classifyOk(error) };
  }
}
