// Command options that take dates refuse what is not a real calendar date with one line naming the option.
import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { isoDateOption, periodOption } from './options.ts';

describe('date options', () => {
  it('refuses non-calendar dates and periods with the option name', () => {
    for (const bad of ['2026-13-45', '0000-01-01', '2026-02-30', '25:61']) {
      expect(() => isoDateOption('--at')(bad)).toThrow(InvalidArgumentError);
      expect(() => isoDateOption('--at')(bad)).toThrow(/^--at takes a real date/);
    }
    for (const bad of ['2026-02-30..2026-03-31', '0000-01-01..0000-01-02', '9999d', 'yesterday'])
      expect(() => periodOption('--period')(bad)).toThrow(/^--period: /);
    expect(isoDateOption('--at')('2026-02-28')).toBe('2026-02-28');
    expect(periodOption('--period')('2026-09-01..2026-11-30')).toBe('2026-09-01..2026-11-30');
    expect(periodOption('--period')('30d')).toBe('30d');
  });
});
