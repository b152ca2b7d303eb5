// Every way people write an OK (Одноклассники) group's address, read into one canonical reference:
// ok.ru/group/123, ok.ru/group123, https://m.ok.ru/group/123/topics, www.odnoklassniki.ru/<name>, ok.ru/<name>.
import type { UrlResult } from './page-ref.ts';

const OK_HOST = /^(?:(?:www|m|mobile)\.)?(?:ok|odnoklassniki)\.ru$/i;
// OK short names ("адрес группы"): Latin letters, digits, dot and underscore; not only digits.
const NAME = /^[a-z0-9_.]{2,64}$/i;
// Sections of ok.ru that are not a group's own address.
const RESERVED = new Set([
  'feed',
  'messages',
  'music',
  'video',
  'games',
  'groups',
  'search',
  'settings',
  'dk',
  'app',
  'apps',
  'live',
  'guests',
  'friends',
]);

export function okGroupUrl(id: string): string {
  return `https://ok.ru/group/${id}`;
}

export function parseOkUrl(input: string): UrlResult {
  const value = input.trim().replace(/^<|>$/g, '');
  if (value === '') return { ok: false, reason: 'empty' };
  const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: 'not_ok' };
  }
  if (!OK_HOST.test(url.hostname)) return { ok: false, reason: 'not_ok' };
  const parts = url.pathname.split('/').filter(Boolean);
  const [first, second] = parts;
  if (!first) return { ok: false, reason: 'not_a_group' };
  if (/^profile$/i.test(first)) return { ok: false, reason: 'user_page' };
  const glued = /^group(\d{5,20})$/i.exec(first);
  if (glued?.[1]) return byId(glued[1]);
  if (/^group$/i.test(first)) {
    if (second && /^\d{5,20}$/.test(second)) return byId(second);
    return { ok: false, reason: 'not_a_group' };
  }
  // ok.ru/<name>/topics, ok.ru/<name>/about: the group's own sections.
  if (/^\d+$/.test(first)) return { ok: false, reason: 'user_page' };
  if (!NAME.test(first)) return { ok: false, reason: 'bad_name' };
  const name = first.toLowerCase();
  if (RESERVED.has(name)) return { ok: false, reason: 'not_a_group' };
  return {
    ok: true,
    ref: { network: 'ok', url: `https://ok.ru/${name}`, externalId: null, screenName: name },
  };
}

function byId(id: string): UrlResult {
  return { ok: true, ref: { network: 'ok', url: okGroupUrl(id), externalId: id, screenName: null } };
}
