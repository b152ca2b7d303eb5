import { describe, expect, it } from 'vitest';
import { parseOkUrl } from './ok-url.ts';

describe('parseOkUrl', () => {
  it.each([
    [
      'https://ok.ru/group/53669865652234',
      { externalId: '53669865652234', url: 'https://ok.ru/group/53669865652234' },
    ],
    ['ok.ru/group/53669865652234/', { externalId: '53669865652234' }],
    ['ok.ru/group53669865652234', { externalId: '53669865652234' }],
    ['https://m.ok.ru/group/53669865652234/topics', { externalId: '53669865652234' }],
    ['http://www.odnoklassniki.ru/group/53669865652234', { externalId: '53669865652234' }],
    ['odnoklassniki.ru/group53669865652234', { externalId: '53669865652234' }],
    [
      'https://ok.ru/School5.Tver',
      { screenName: 'school5.tver', url: 'https://ok.ru/school5.tver', externalId: null },
    ],
    ['  ok.ru/mbou_sosh5/topics  ', { screenName: 'mbou_sosh5' }],
    ['<https://www.ok.ru/mbou_sosh5?utm=1>', { screenName: 'mbou_sosh5' }],
  ])('reads %s', (input, expected) => {
    const r = parseOkUrl(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.ref).toMatchObject({ network: 'ok', ...expected });
  });

  it('gives one canonical address for every form of the same group', () => {
    const forms = [
      'https://ok.ru/group/123456789',
      'ok.ru/group123456789',
      'm.ok.ru/group/123456789',
      'odnoklassniki.ru/group/123456789',
    ];
    expect(new Set(forms.map((f) => (parseOkUrl(f) as { ref: { url: string } }).ref.url))).toEqual(
      new Set(['https://ok.ru/group/123456789']),
    );
  });

  it.each([
    ['https://vk.com/school5', 'not_ok'],
    ['https://ok.ru.evil.com/group/123456', 'not_ok'],
    ['https://ok.ru/profile/5123456789', 'user_page'],
    ['https://ok.ru/5123456789', 'user_page'],
    ['https://ok.ru/', 'not_a_group'],
    ['https://ok.ru/group/', 'not_a_group'],
    ['https://ok.ru/feed', 'not_a_group'],
    ['https://ok.ru/школа5', 'bad_name'],
    ['', 'empty'],
  ])('rejects %s as %s', (input, reason) => {
    expect(parseOkUrl(input)).toEqual({ ok: false, reason });
  });
});
