import { describe, expect, it } from 'vitest';
import { isValidInn, isValidOgrn, normaliseInn, normaliseOgrn } from './tax-ids.ts';

describe('tax ids', () => {
  it('accept real INNs and OGRNs of organisations and individuals', () => {
    expect(isValidInn('7707083893')).toBe(true); // Sberbank
    expect(isValidInn('500100732259')).toBe(true); // a 12-digit INN
    expect(isValidOgrn('1027700132195')).toBe(true); // Sberbank
    expect(isValidOgrn('304500116000157')).toBe(true); // an OGRNIP
  });

  it('reject a wrong control digit and wrong lengths', () => {
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('770708389')).toBe(false);
    expect(isValidOgrn('1027700132196')).toBe(false);
    expect(isValidOgrn('102770013219')).toBe(false);
  });

  it('restore the leading zero a spreadsheet drops, only when that makes the id valid', () => {
    expect(isValidInn('0274062111')).toBe(true);
    expect(normaliseInn('274062111')).toBe('0274062111');
    expect(normaliseInn('274062112')).toBe('274062112');
    expect(normaliseInn(' 7707 083893 ')).toBe('7707083893');
    expect(normaliseOgrn('1027700132195')).toBe('1027700132195');
  });
});
