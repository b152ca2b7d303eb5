// Which VK methods a draft needs (VK makes photos, videos, clips, polls and live broadcasts only with a user
// token), and exactly which token a draft lacks, with how to add it or publish by hand.
import type { DraftKind } from '../platform/db-schema.ts';
import type { DraftContent } from './draft-content.ts';

/** The VK methods a draft's publication calls, in order. */
export function methodsOf(kind: DraftKind | string, content: DraftContent): string[] {
  const out: string[] = [];
  if ((content.photos ?? []).length > 0) out.push('photos.getWallUploadServer', 'photos.saveWallPhoto');
  if (kind === 'video' && content.file) out.push('video.save');
  if (kind === 'clip' && content.file) out.push('shortVideo.create');
  if (kind === 'live') out.push('video.startStreaming');
  if (kind === 'poll' && content.poll) out.push('polls.create');
  out.push('wall.post');
  return out;
}

/** VK methods that only a user token may call (everything a draft does beyond wall.post). */
const userOnly = (methods: string[]) => methods.filter((m) => m !== 'wall.post');

/**
 * What publishing the draft needs against what the page has, for the editor to say before (and after) it
 * fails: the VK methods only a page admin's user token may make, and which token is missing — `user` (the
 * draft uploads, makes a poll, a clip or a broadcast and the page has no admin's user token), `token` (the page
 * has no token at all), or null (it can go).
 */
export function tokenNeeds(
  kind: DraftKind | string,
  content: DraftContent,
  has: { community: boolean; user: boolean },
): { userMethods: string[]; missing: 'user' | 'token' | null } {
  const userMethods = userOnly(methodsOf(kind, content));
  const missing = userMethods.length > 0 && !has.user ? 'user' : !has.user && !has.community ? 'token' : null;
  return { userMethods, missing };
}

/** Exactly which token the draft lacks, for which VK methods, and how to add it or publish by hand. */
export function missingTokenMessage(
  pageId: number,
  tokens: { community: string | null; user: string | null },
  methods: string[],
): string {
  const needsUser = userOnly(methods).length > 0;
  if (needsUser)
    return `needs a page admin's user token for ${methods.join(', ')} (VK allows them only with a user token${
      tokens.community ? '; the community token cannot' : ''
    }): add one with publica vk-token add LABEL --kind user --page ${pageId} --scopes wall,photos,video,offline, or publish the post by hand from the draft`;
  return `needs a community token or a page admin's user token for wall.post: add one with publica vk-token add LABEL --kind community --page ${pageId}`;
}
