// Turns every way people write a VK community address into one canonical page reference.
// Accepted: https://vk.com/club123, vk.com/public123, https://vk.ru/school5, m.vk.com/school5, @school5, school5.

/** The canonical address of a VK community: by screen name when it has one, else club<id>. */
export function vkPageUrl(externalId: number, screenName?: string | null): string {
  return screenName ? `https://vk.com/${screenName}` : `https://vk.com/club${externalId}`;
}

export type VkPageRef =
  | { kind: 'id'; externalId: number; url: string }
  | { kind: 'screen_name'; screenName: string; url: string };

export type VkUrlResult = { ok: true; ref: VkPageRef } | { ok: false; reason: VkUrlProblem };

export type VkUrlProblem = 'not_vk' | 'user_page' | 'bad_screen_name' | 'not_a_community';

const VK_HOST = /^(?:[a-z]+\.)?vk\.(?:com|ru)$/i;
const NUMERIC_COMMUNITY = /^(?:club|public|event)(\d{1,12})$/i;
// VK screen names: Latin letters, digits, underscore and dot; 2..32 characters; not only digits.
const SCREEN_NAME = /^[a-z0-9_.]{2,32}$/i;
const RESERVED = new Set([
  'feed',
  'im',
  'search',
  'groups',
  'friends',
  'audio',
  'video',
  'wall',
  'login',
  'settings',
]);

// The usual written forms, recognised without a URL parse; everything else takes the general path.
const PLAIN_VK = /^(?:https?:\/\/)?(?:m\.)?vk\.(?:com|ru)\/([a-z0-9_.]+)\/?$/i;

export function parseVkUrl(input: string): VkUrlResult {
  const plain = PLAIN_VK.exec(input);
  if (plain?.[1]) return fromPath(plain[1]);
  let value = input.trim().replace(/^<|>$/g, '');
  if (value.startsWith('@')) value = value.slice(1);
  let pathPart = value;
  if (/[/:]/.test(value)) {
    const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `https://${value}`;
    let url: URL;
    try {
      url = new URL(withScheme);
    } catch {
      return { ok: false, reason: 'not_vk' };
    }
    if (!VK_HOST.test(url.hostname)) return { ok: false, reason: 'not_vk' };
    pathPart = url.pathname.replace(/^\/+|\/+$/g, '');
    if (pathPart.includes('/')) return { ok: false, reason: 'not_a_community' };
  }
  return fromPath(pathPart);
}

function fromPath(pathPart: string): VkUrlResult {
  if (pathPart === '') return { ok: false, reason: 'not_a_community' };
  if (/^id\d+$/i.test(pathPart)) return { ok: false, reason: 'user_page' };
  const numeric = NUMERIC_COMMUNITY.exec(pathPart);
  if (numeric?.[1]) {
    const externalId = Number(numeric[1]);
    return { ok: true, ref: { kind: 'id', externalId, url: vkPageUrl(externalId) } };
  }
  if (!SCREEN_NAME.test(pathPart) || /^\d+$/.test(pathPart)) return { ok: false, reason: 'bad_screen_name' };
  const screenName = pathPart.toLowerCase();
  if (RESERVED.has(screenName)) return { ok: false, reason: 'not_a_community' };
  return { ok: true, ref: { kind: 'screen_name', screenName, url: vkPageUrl(0, screenName) } };
}
