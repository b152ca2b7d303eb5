// The VK feature's public face: the client, the token pool and the response parsers.

export {
  type AddressFacts,
  type AddressItem,
  addressFacts,
  checkMenuOgrn,
  timetableText,
} from './address-facts.ts';
export {
  isVkIdToken,
  METHOD_TABLE,
  methodRow,
  TOKEN_KINDS,
  type TokenKind,
  vkIdRefuses,
  vkMethods,
} from './methods/index.ts';
export { type MenuWidget, menuWidgets, type ProfileFacts, profileFacts } from './profile-facts.ts';
export { listLeases } from './token-lease.repo.ts';
export {
  LeaseLostError,
  type LeaseOptions,
  leaseTokens,
  parseHolder,
  type TokenLease,
} from './token-lease.ts';
export {
  DAILY_QUOTA,
  PER_SECOND,
  PoolExhaustedError,
  type PoolTokenSpec,
  TokenPool,
  tokenKey,
  UploadRefusedError,
} from './token-pool.ts';
export {
  addVkToken,
  communityTokenOf,
  disableVkToken,
  listVkTokens,
  openStoredTokens,
  pageTokenKinds,
  pageTokensOf,
  removeVkToken,
  rotateVkTokens,
  storedReadingTokens,
  uniqueTokens,
  type VkTokenInfo,
  type VkTokenInput,
  withStoredTokens,
} from './token-store.ts';
export { loadUsage, saveUsage } from './token-usage.repo.ts';
export { type CheckRow, type CheckToken, checkVkTokens, type TokenVerdict } from './vk-check.ts';
export {
  classify,
  type ErrorClass,
  VK_API_URL,
  VK_API_VERSION,
  VkApiError,
  VkTransportError,
  vkRequest,
} from './vk-client.ts';
export {
  parseConversations,
  parseEventMessage,
  parseMessages,
  type VkConversation,
  type VkMessage,
} from './vk-messages-parse.ts';
export {
  type AttachmentCounts,
  attachmentKind,
  countAttachments,
  isVisitorPost,
  parseComments,
  parseGroups,
  parsePosts,
  parseResponseText,
  VK_DEFAULT_AVATAR,
  type VkComment,
  type VkGroup,
  type VkPost,
} from './vk-parse.ts';
export { pagePool, vkCall } from './vk-port.ts';
