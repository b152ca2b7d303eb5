// The sentences of a card that depend on no page: each rule's one positive name in ru and en under every shipped
// version (and a fork with other thresholds), the peer sentence, which says "below" only under the median, and
// the sentences of an unknown input and of a recorded fact's source.
import { describe, expect, it } from 'vitest';
import { listVersionIds, loadVersion, type RuleEntry } from '../methodology/index.ts';
import { LANGS } from '../platform/i18n.ts';
import { percentileOf } from './peer-stats.ts';
import { peerSentence, ruleName, ruleTitle } from './rule-text.ts';
import { sourceText, unknownText } from './unknown-text.ts';

const STATUSES = ['pass', 'warn', 'fail', 'na', 'unknown', 'manual', 'error'] as const;

describe.each(listVersionIds())('the positive name of every rule of %s', (id) => {
  const version = loadVersion(id);

  it.each(LANGS)('is one filled, positive name in %s, apart from the failing wording', (lang) => {
    const problems: string[] = [];
    for (const entry of version.rules) {
      const name = ruleName(entry, lang);
      const where = `${entry.id} ${lang} "${name}"`;
      if (name.trim() === '') problems.push(`${where}: empty`);
      if (/[{}]/.test(name)) problems.push(`${where}: leaked placeholder`);
      if (lang === 'en' && /[А-Яа-яЁё]/.test(name)) problems.push(`${where}: Russian in English`);
      if (lang === 'ru' && !/[А-Яа-яЁё]/.test(name)) problems.push(`${where}: no Russian`);
      if (lang === 'ru' && /\d\.\d/.test(name)) problems.push(`${where}: decimal point in Russian`);
      for (const status of ['fail', 'warn'] as const)
        if (ruleTitle(entry, status, lang) === name && (status === 'fail' || entry.warnTitle))
          problems.push(`${where}: the same as the ${status} title`);
      // A page that meets the rule is named by it; a page not judged names it too, and says so.
      if (ruleTitle(entry, 'pass', lang) !== name) problems.push(`${where}: not the pass title`);
      for (const status of ['na', 'unknown', 'manual', 'error'] as const)
        if (!ruleTitle(entry, status, lang).endsWith(`: ${name}`))
          problems.push(`${where}: the ${status} title does not name it`);
    }
    expect(problems).toEqual([]);
  });

  it('names each rule once whatever the status: the name takes no status', () => {
    for (const entry of version.rules)
      for (const lang of LANGS) {
        const titles = new Set(STATUSES.map((s) => ruleTitle(entry, s, lang)));
        expect(titles.has(ruleName(entry, lang)), `${entry.id} ${lang}`).toBe(true);
      }
  });
});

describe('the positive name of a fork', () => {
  it('carries the fork’s own thresholds: 5 posts a week says 5, in ru and en', () => {
    const base = loadVersion('2023.1');
    const rule = base.rules.find((r) => r.id === 'posting-frequency') as RuleEntry;
    const fork = { ...rule, params: { ...rule.params, perWeek: 5 } };
    expect(ruleName(fork, 'ru')).toMatch(/ 5 постов /);
    expect(ruleName(fork, 'en')).toMatch(/\b5 posts\b/);
    expect(ruleName(rule, 'ru')).toMatch(/ 3 постов /);
  });
});

describe('the peer sentence', () => {
  it.each(LANGS)('says "below" or "lowest" in %s only under the median, at every percentile', (lang) => {
    const below = lang === 'ru' ? /Ниже|отстающих/ : /Below|lowest/;
    const wrong: number[] = [];
    for (let p = 0; p <= 100; p++) {
      const s = peerSentence(p, lang);
      if (below.test(s) !== p < 50) wrong.push(p);
      if (!s.includes(String(p))) wrong.push(p);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the percentile of a value among peers', () => {
  const runOf = (value: number, n: number) => Array.from({ length: n }, () => value);
  it('puts a value many peers share in the middle of their run, never at its start', () => {
    expect(percentileOf(1, runOf(1, 21))).toBe(50);
    // Most pages have an avatar (1): having one is not "among the lowest".
    const avatars = [0, 0, 0, ...runOf(1, 18)];
    expect(percentileOf(1, avatars)).toBe(58);
    expect(percentileOf(0, avatars)).toBe(5);
  });

  it('never puts a value at or above the median under 50, nor one below it at 50 or more', () => {
    const zeros = [...runOf(0, 11), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileOf(0, zeros)).toBe(50);
    expect(percentileOf(0.01, zeros)).toBeGreaterThan(50);
    expect(percentileOf(0, zeros, true)).toBeLessThanOrEqual(50);
    const tops = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ...runOf(10, 11)];
    expect(percentileOf(9.99, tops)).toBeLessThan(50);
    expect(percentileOf(10, tops)).toBe(75);
    // Days of silence: at the median is no worse than the median.
    expect(percentileOf(10, tops, true)).toBeLessThanOrEqual(50);
    expect(percentileOf(-1, tops)).toBe(0);
    expect(percentileOf(11, tops)).toBe(100);
  });
});

describe('the sentence of an unknown input and of a fact’s source', () => {
  it('lists the ways to supply a fact with "or" before the last only, in ru and en', () => {
    expect(unknownText({ fact: 'state_mark', supply: ['collect', 'export', 'manual'] }, 'ru')).toBe(
      'Неизвестно: отметка «Госорганизация». Как узнать: собрать страницу заново (ВКонтакте не передал поле), ' +
        'загрузить выгрузку «Госпабликов» региона или записать ручную проверку (кто, когда, подтверждение).',
    );
    expect(unknownText({ fact: 'widgets', supply: ['export', 'manual'] }, 'en')).toBe(
      "Unknown: the feedback (POS) widgets. To supply it: import the region's Gospubliki export or record a " +
        'manual check (who, when, evidence).',
    );
    expect(unknownText({ fact: 'two_factor', supply: ['manual'] }, 'ru')).toBe(
      'Неизвестно: двухфакторная аутентификация администраторов. Как узнать: записать ручную проверку (кто, когда, подтверждение).',
    );
  });

  it('says an export’s row in the reader’s language', () => {
    const at = Date.parse('2026-11-20T00:00:00Z') / 1000;
    const source = { source: 'export' as const, at, evidence: 'gospubliki.csv, row 7' };
    expect(sourceText(source, 'ru')).toBe(
      'Источник: выгрузка «Госпабликов», 20 ноября 2026 г., gospubliki.csv, строка 7',
    );
    expect(sourceText(source, 'en')).toBe(
      'Source: Gospubliki export, 20 November 2026, gospubliki.csv, row 7',
    );
  });
});
