// A MAX channel's public address as people write it: https://max.ru/<name>, max.ru/<name>, @<name> is not
// taken (it is ambiguous with VK and Telegram). Invitation links (max.ru/join/…) are read too.
import type { UrlResult } from './page-ref.ts';

const HOST = /^(?:www\.|web\.)?max\.ru$/i;
const NAME = /^[a-z0-9_.-]{2,64}$/i;

export function parseMaxUrl(input: string): UrlResult {
  const value = input.trim().replace(/^<|>$/g, '');
  if (value === '') return { ok: false, reason: 'empty' };
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    return { ok: false, reason: 'not_max' };
  }
  if (!HOST.test(url.hostname)) return { ok: false, reason: 'not_max' };
  const parts = url.pathname.split('/').filter(Boolean);
  const name = parts[0] === 'join' ? parts[1] && `join/${parts[1]}` : parts[0];
  if (!name || (!NAME.test(name) && !/^join\/[\w-]{4,}$/.test(name)))
    return { ok: false, reason: 'not_a_channel' };
  const canonical = name.startsWith('join/') ? name : name.toLowerCase();
  return {
    ok: true,
    ref: { network: 'max', url: `https://max.ru/${canonical}`, externalId: null, screenName: canonical },
  };
}
