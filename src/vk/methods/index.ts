// The table of every VK method Publica calls: adding a method is its file and one row here. The token pool
// refuses a method not in it, and the simulator serves exactly these methods (any other answers VK's error 3).
import { execute } from './execute.ts';
import { groupsGetAddresses } from './groups.getAddresses.ts';
import { groupsGetById } from './groups.getById.ts';
import { groupsGetLongPollServer } from './groups.getLongPollServer.ts';
import { messagesGetConversations } from './messages.getConversations.ts';
import { messagesGetHistory } from './messages.getHistory.ts';
import { messagesSend } from './messages.send.ts';
import type { TokenKind, VkMethod } from './method.ts';
import { photosGetWallUploadServer } from './photos.getWallUploadServer.ts';
import { photosSaveWallPhoto } from './photos.saveWallPhoto.ts';
import { pollsCreate } from './polls.create.ts';
import { shortVideoCreate } from './shortVideo.create.ts';
import { utilsResolveScreenName } from './utils.resolveScreenName.ts';
import { videoSave } from './video.save.ts';
import { videoStartStreaming } from './video.startStreaming.ts';
import { wallCreateComment } from './wall.createComment.ts';
import { wallGet } from './wall.get.ts';
import { wallGetById } from './wall.getById.ts';
import { wallGetComments } from './wall.getComments.ts';
import { wallPost } from './wall.post.ts';

export const vkMethods = {
  execute,
  groupsGetAddresses,
  groupsGetById,
  groupsGetLongPollServer,
  messagesGetConversations,
  messagesGetHistory,
  messagesSend,
  photosGetWallUploadServer,
  photosSaveWallPhoto,
  pollsCreate,
  shortVideoCreate,
  utilsResolveScreenName,
  videoSave,
  videoStartStreaming,
  wallCreateComment,
  wallGet,
  wallGetById,
  wallGetComments,
  wallPost,
} as const;

// biome-ignore lint/suspicious/noExplicitAny: rows differ in their parameter and answer types
export const METHOD_TABLE: ReadonlyMap<string, VkMethod<any, unknown>> = new Map(
  Object.values(vkMethods).map((m) => [m.name, m]),
);

export function methodRow(name: string) {
  return METHOD_TABLE.get(name);
}

export function tokenMayCall(kind: TokenKind, method: string): boolean {
  return METHOD_TABLE.get(method)?.tokenKinds.includes(kind) ?? false;
}

/**
 * Whether VK refuses a token of the newer VK ID kind (`vk2.a.…`, from id.vk.com) for this method, with error
 * 1051. Modelled from public reports (gitroomhq/postiz-app#1408, 2026): writes and account methods answer 1051,
 * reads such as groups.getById work. VK has not documented it; check with a real token.
 */
export function vkIdRefuses(method: string): boolean {
  const row = METHOD_TABLE.get(method);
  return row !== undefined && !row.readOnly;
}

/** A token issued by VK ID (OAuth 2.1 at id.vk.com) rather than oauth.vk.com: its prefix says so. */
export function isVkIdToken(token: string): boolean {
  return token.startsWith('vk2.a.');
}

export type { Params, RateClass, TokenKind, VkMethod } from './method.ts';
export { TOKEN_KINDS } from './method.ts';
