// Template values read as the reader writes them: a calendar day in words in either language, never ISO.
import { expect, it } from 'vitest';
import { fillTemplate } from './template.ts';

it('writes a day value as a date in words, in Russian and in English', () => {
  const vars = { from: '2026-11-04', to: '2026-11-18', days: 15 };
  expect(fillTemplate('молчала {days} {days|день|дня|дней} ({from} — {to})', vars, 'ru')).toBe(
    'молчала 15 дней (4 ноября 2026 г. — 18 ноября 2026 г.)',
  );
  expect(fillTemplate('silent for {days} {days|day|days} ({from} – {to})', vars, 'en')).toBe(
    'silent for 15 days (4 November 2026 – 18 November 2026)',
  );
});

it('writes each day of a list of days in words', () => {
  expect(fillTemplate('({lastDates})', { lastDates: '2026-11-27, 2026-12-02' }, 'en')).toBe(
    '(27 November 2026, 2 December 2026)',
  );
});

it('leaves a value that only looks like a day in part as it is', () => {
  expect(fillTemplate('{code}', { code: '2026-11-04x' }, 'ru')).toBe('2026-11-04x');
});
