import { describe, expect, it } from 'vitest';
import { parseMaxUrl } from './max-url.ts';

describe('parseMaxUrl', () => {
  it.each([
    ['https://max.ru/School123456', 'https://max.ru/school123456'],
    ['max.ru/school123456/', 'https://max.ru/school123456'],
    ['https://web.max.ru/school123456', 'https://max.ru/school123456'],
    ['https://max.ru/join/AbCdEf123', 'https://max.ru/join/AbCdEf123'],
  ])('reads %s', (input, url) => {
    expect(parseMaxUrl(input)).toMatchObject({ ok: true, ref: { network: 'max', url } });
  });

  it.each([
    ['https://t.me/school', 'not_max'],
    ['https://max.ru/', 'not_a_channel'],
    ['https://max.ru/канал', 'not_a_channel'],
  ])('rejects %s as %s', (input, reason) => {
    expect(parseMaxUrl(input)).toEqual({ ok: false, reason });
  });
});
