// The VK feature's public face: response parsers (the client and token pool come with the collector).
export {
  type AttachmentCounts,
  attachmentKind,
  countAttachments,
  parseComments,
  parseGroups,
  parsePosts,
  parseResponseText,
  VK_DEFAULT_AVATAR,
  type VkComment,
  type VkGroup,
  type VkPost,
} from './vk-parse.ts';
