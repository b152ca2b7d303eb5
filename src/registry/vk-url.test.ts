import { describe, expect, it } from 'vitest';
import { parseVkUrl } from './vk-url.ts';

describe('parseVkUrl', () => {
  it.each([
    ['https://vk.com/club123', { kind: 'id', externalId: 123 }],
    ['vk.com/public123', { kind: 'id', externalId: 123 }],
    ['http://vk.com/event77/', { kind: 'id', externalId: 77 }],
    ['https://vk.ru/school5', { kind: 'screen_name', screenName: 'school5' }],
    ['m.vk.com/school5', { kind: 'screen_name', screenName: 'school5' }],
    ['https://m.vk.ru/School5?w=wall-1_2', { kind: 'screen_name', screenName: 'school5' }],
    ['@school5', { kind: 'screen_name', screenName: 'school5' }],
    ['school5', { kind: 'screen_name', screenName: 'school5' }],
    ['  mbou_sosh.5  ', { kind: 'screen_name', screenName: 'mbou_sosh.5' }],
    ['club123', { kind: 'id', externalId: 123 }],
  ])('reads %s', (input, expected) => {
    const result = parseVkUrl(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.ref).toMatchObject(expected);
  });

  it('gives one canonical url for every form of the same page', () => {
    const urls = ['https://vk.com/club123', 'vk.com/public123', 'club123'].map((v) => {
      const r = parseVkUrl(v);
      return r.ok ? r.ref.url : null;
    });
    expect(new Set(urls)).toEqual(new Set(['https://vk.com/club123']));
  });

  it.each([
    ['https://ok.ru/school5', 'not_vk'],
    ['https://vk.com.evil.ru/school5', 'not_vk'],
    ['https://vk.com/id123', 'user_page'],
    ['https://vk.com/', 'not_a_community'],
    ['https://vk.com/wall-1_2/extra', 'not_a_community'],
    ['школа5', 'bad_screen_name'],
    ['12345', 'bad_screen_name'],
    ['https://vk.com/feed', 'not_a_community'],
  ])('rejects %s as %s', (input, reason) => {
    expect(parseVkUrl(input)).toEqual({ ok: false, reason });
  });
});
