// VK API errors as the simulator returns them: the codes and messages of the real API.
export class VkError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const vkErrors = {
  unknown: () => new VkError(1, 'Unknown error occurred'),
  auth: (why = 'invalid access_token (4).') => new VkError(5, `User authorization failed: ${why}`),
  tooManyPerSecond: () => new VkError(6, 'Too many requests per second'),
  unknownMethod: () => new VkError(3, 'Unknown method passed'),
  noVersion: () => new VkError(8, 'Invalid request: v is required'),
  flood: () => new VkError(9, 'Flood control'),
  internal: () => new VkError(10, 'Internal server error'),
  accessDenied: (why = 'this wall available only for community members') =>
    new VkError(15, `Access denied: ${why}`),
  deleted: () => new VkError(18, 'User was deleted or banned'),
  groupAuth: () => new VkError(27, 'Group authorization failed: method is unavailable with group auth.'),
  appAuth: () =>
    new VkError(28, 'Application authorization failed: method is unavailable with service token.'),
  quota: () => new VkError(29, 'Rate limit reached'),
  privateProfile: () => new VkError(30, 'This profile is private'),
  param: (what: string) =>
    new VkError(100, `One of the parameters specified was missing or invalid: ${what}`),
  invalidGroup: () => new VkError(125, 'Invalid group id'),
  /** VK's wording as reported in vknet/vk#597. */
  postLimit: () => new VkError(214, 'Access to adding post denied: you can only add 50 posts a day'),
  /** Modelled from public reports (gitroomhq/postiz-app#1408): VK ID tokens on write methods. */
  profileType: () =>
    new VkError(
      1051,
      'Method is not available for this profile type: method is unavailable with current profile type',
    ),
};
