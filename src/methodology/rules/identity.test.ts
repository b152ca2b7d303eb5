import { describe, expect, it } from 'vitest';
import { ctx, DAY, END, page, post, profile } from '../../../test/artifacts.ts';
import avatar from './avatar.ts';
import contacts from './contacts.ts';
import cover from './cover.ts';
import description from './description.ts';
import feedbackWidgets from './feedback-widgets.ts';
import gospubliki from './gospubliki-connected.ts';
import officialName, { normaliseName, similarity } from './official-name.ts';
import openPage from './open-page.ts';
import openingHours from './opening-hours.ts';
import pinnedPost from './pinned-post.ts';
import siteBacklink from './site-backlink.ts';
import stateMark from './state-mark.ts';
import topic from './topic.ts';
import website from './website.ts';

const c = ctx();

describe('state-mark', () => {
  it('passes with the mark, fails without, and is n/a with no profile', () => {
    expect(stateMark.evaluate(page(), {}, c).status).toBe('pass');
    expect(stateMark.evaluate(page({ profile: profile({ isVerified: false }) }), {}, c)).toMatchObject({
      status: 'fail',
      evidence: [{ type: 'missing', name: 'state_mark' }],
    });
    expect(stateMark.evaluate(page({ profile: null }), {}, c).status).toBe('na');
  });
});

describe('open-page', () => {
  it('fails a deleted or closed community, naming why', () => {
    expect(openPage.evaluate(page(), {}, c).status).toBe('pass');
    expect(openPage.evaluate(page({ profile: profile({ deactivated: 'deleted' }) }), {}, c).evidence).toEqual(
      [{ type: 'field', name: 'deactivated', value: 'deleted' }],
    );
    expect(openPage.evaluate(page({ profile: profile({ isClosed: 1 }) }), {}, c).status).toBe('fail');
  });
});

describe('official-name', () => {
  const params = { minSimilarity: 0.8 };
  it('normalises quotes, №, case and the standard abbreviations', () => {
    expect(
      normaliseName(
        'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»',
      ),
    ).toBe('мбоу сош 5');
    expect(normaliseName('МБДОУ «Детский сад № 12 «Ромашка»»')).toBe('мбдоу дс 12 ромашка');
    expect(similarity('МБОУ СОШ №5', 'мбоу «сош № 5»')).toBe(1);
  });

  it('passes the short or the spelled-out official name, fails an informal one', () => {
    expect(officialName.evaluate(page(), params, c).status).toBe('pass');
    const spelled = profile({
      name: 'Муниципальное бюджетное общеобразовательное учреждение "Средняя общеобразовательная школа №5"',
    });
    expect(officialName.evaluate(page({ profile: spelled }), params, c).status).toBe('pass');
    const informal = officialName.evaluate(
      page({ profile: profile({ name: 'Пятая школа Уфы' }) }),
      params,
      c,
    );
    expect(informal.status).toBe('fail');
    expect(informal.value).toBeLessThan(0.8);
    expect(informal.vars).toMatchObject({ name: 'Пятая школа Уфы', registryName: 'МБОУ СОШ № 5' });
  });

  it('is n/a without a registry record', () => {
    expect(officialName.evaluate(page({ institution: null }), params, c).status).toBe('na');
  });
});

describe('avatar and cover', () => {
  it('pass when set and fail when missing', () => {
    expect(avatar.evaluate(page(), {}, c).status).toBe('pass');
    expect(avatar.evaluate(page({ profile: profile({ hasAvatar: false }) }), {}, c).status).toBe('fail');
    expect(cover.evaluate(page(), {}, c).status).toBe('pass');
    expect(cover.evaluate(page({ profile: profile({ hasCover: false }) }), {}, c).status).toBe('fail');
  });
});

describe('description', () => {
  it('passes a full description, warns on a short one, fails an empty one', () => {
    const params = { minLength: 100 };
    expect(description.evaluate(page(), params, c).status).toBe('pass');
    expect(
      description.evaluate(page({ profile: profile({ description: 'Школа № 5' }) }), params, c),
    ).toMatchObject({
      status: 'warn',
      value: 9,
    });
    expect(description.evaluate(page({ profile: profile({ description: '  ' }) }), params, c).status).toBe(
      'fail',
    );
  });
});

describe('contacts', () => {
  it('finds address, phone and e-mail in the description text', () => {
    expect(contacts.evaluate(page(), {}, c)).toMatchObject({ status: 'pass', value: 3 });
  });

  it('finds them in the contacts and addresses blocks', () => {
    const p = profile({
      description: 'Школа',
      contacts: [{ phone: '+7 347 2223344', email: 'a@b.ru' }],
      address: { address: 'Уфа, Ленина 5', timetable: null },
    });
    expect(contacts.evaluate(page({ profile: p }), {}, c).status).toBe('pass');
  });

  it('warns naming what is missing, fails with none', () => {
    const phoneOnly = contacts.evaluate(
      page({ profile: profile({ description: 'Звоните: 8 (347) 222-33-44' }) }),
      {},
      c,
    );
    expect(phoneOnly).toMatchObject({ status: 'warn', value: 1 });
    expect(phoneOnly.evidence).toEqual([
      { type: 'missing', name: 'address' },
      { type: 'missing', name: 'email' },
    ]);
    expect(contacts.evaluate(page({ profile: profile({ description: 'Наша школа' }) }), {}, c).status).toBe(
      'fail',
    );
  });
});

describe('website', () => {
  it('passes the registry domain, warns on another domain, fails without a link', () => {
    expect(website.evaluate(page(), {}, c).status).toBe('pass');
    expect(
      website.evaluate(page({ profile: profile({ site: 'https://www.school5-ufa.ru/about' }) }), {}, c)
        .status,
    ).toBe('pass');
    expect(website.evaluate(page({ profile: profile({ site: 'https://other.ru' }) }), {}, c).status).toBe(
      'warn',
    );
    expect(
      website.evaluate(page({ profile: profile({ site: null, description: 'Школа' }) }), {}, c).status,
    ).toBe('fail');
  });

  it('accepts a link written in the description', () => {
    const p = profile({ site: null, description: 'Наш сайт: https://school5-ufa.ru' });
    expect(website.evaluate(page({ profile: p }), {}, c).status).toBe('pass');
  });
});

describe('opening-hours', () => {
  it('reads the timetable block or the description', () => {
    expect(openingHours.evaluate(page(), {}, c).status).toBe('pass');
    const block = profile({ description: 'Школа', address: { address: 'x', timetable: 'пн-пт 8-17' } });
    expect(openingHours.evaluate(page({ profile: block }), {}, c).status).toBe('pass');
    expect(openingHours.evaluate(page({ profile: profile({ description: 'Школа' }) }), {}, c).status).toBe(
      'fail',
    );
  });
});

describe('topic', () => {
  it('passes education and fails other topics', () => {
    const params = { pattern: 'образован|школ' };
    expect(topic.evaluate(page(), params, c).status).toBe('pass');
    expect(topic.evaluate(page({ profile: profile({ activity: 'Общество' }) }), params, c).status).toBe(
      'fail',
    );
    expect(topic.evaluate(page({ profile: profile({ activity: null }) }), params, c).status).toBe('fail');
  });
});

describe('pinned-post', () => {
  it('passes a post pinned this school year, warns on an old one, fails with none', () => {
    expect(pinnedPost.evaluate(page({ pinned: post(20, { isPinned: true }) }), {}, c).status).toBe('pass');
    const old = post(300, { isPinned: true });
    expect(pinnedPost.evaluate(page({ pinned: old }), {}, c)).toMatchObject({
      status: 'warn',
      vars: { date: '2026-02-02' },
    });
    const edited = post(300, { isPinned: true, editedAt: END - 10 * DAY });
    expect(pinnedPost.evaluate(page({ pinned: edited }), {}, c).status).toBe('pass');
    expect(pinnedPost.evaluate(page(), {}, c).status).toBe('fail');
  });
});

describe('facts from the region export', () => {
  it('are "unknown" when nobody checked and no export came, saying how to supply them', () => {
    for (const rule of [feedbackWidgets, gospubliki, siteBacklink]) {
      const result = rule.evaluate(page(), {}, c);
      expect(result.status).toBe('unknown');
      expect(result.unknown?.supply).toContain('manual');
    }
  });

  it('name the source of a recorded fact', () => {
    const source = { source: 'export' as const, at: END - DAY };
    const a = page({ external: { gospublikiConnected: true, sources: { gospublikiConnected: source } } });
    expect(gospubliki.evaluate(a, {}, c)).toMatchObject({ status: 'pass', source });
  });

  it('take widgets detected in the community menu over an older manual check, a newer check over the menu', () => {
    const menu = [
      { url: 'https://pos.gosuslugi.ru/form/?opaId=1', ogrn: '1020000000001' },
      { url: 'https://pos.gosuslugi.ru/polls/?opaId=1', ogrn: '1020000000001' },
    ];
    const old = { source: 'manual' as const, at: END - 30 * DAY, by: 'op' };
    const detected = page({
      profile: profile({ menuWidgets: menu }),
      external: { feedbackWidgets: 0, sources: { feedbackWidgets: old } },
    });
    expect(feedbackWidgets.evaluate(detected, {}, c)).toMatchObject({
      status: 'pass',
      source: { source: 'vk-menu' },
    });
    const fresh = { ...old, at: END + DAY };
    const checked = page({
      profile: profile({ menuWidgets: [] }),
      external: { feedbackWidgets: 1, sources: { feedbackWidgets: fresh } },
    });
    expect(feedbackWidgets.evaluate(checked, {}, c)).toMatchObject({ status: 'warn', source: fresh });
  });
});

describe('a feedback widget of another organisation in the menu', () => {
  const own = { url: 'https://pos.gosuslugi.ru/form/?ogrn=1020000000001', ogrn: '1020000000001' };
  const foreign = { url: 'https://pos.gosuslugi.ru/og/polls?ogrn=1020000000009', ogrn: '1020000000009' };

  it('is shown with its OGRN and the menu as source, and does not count as the page’s widget', () => {
    const a = page({
      profile: profile({
        menuWidgets: [
          { ...own, matchesRegistry: true },
          { ...foreign, matchesRegistry: false },
        ],
      }),
    });
    expect(feedbackWidgets.evaluate(a, {}, c)).toMatchObject({
      status: 'warn',
      value: 1,
      evidence: [
        { type: 'field', name: 'widgets', value: 1 },
        { type: 'field', name: 'widget_other_ogrn', value: '1020000000009' },
      ],
      source: { source: 'vk-menu' },
    });
    const onlyForeign = page({ profile: profile({ menuWidgets: [{ ...foreign, matchesRegistry: false }] }) });
    expect(feedbackWidgets.evaluate(onlyForeign, {}, c)).toMatchObject({ status: 'fail', value: 0 });
  });

  it('counts a widget whose OGRN could not be checked, as before, and stays unknown without menu or record', () => {
    const unchecked = page({
      profile: profile({
        menuWidgets: [
          { ...own, matchesRegistry: null },
          { ...foreign, ogrn: null },
        ],
      }),
    });
    expect(feedbackWidgets.evaluate(unchecked, {}, c)).toMatchObject({ status: 'pass', value: 2 });
    expect(feedbackWidgets.evaluate(page({ profile: profile({ menuWidgets: null }) }), {}, c).status).toBe(
      'unknown',
    );
  });

  it('is still named when a newer manual check decides the count', () => {
    const fresh = { source: 'manual' as const, at: END + DAY, by: 'op' };
    const a = page({
      profile: profile({ menuWidgets: [{ ...foreign, matchesRegistry: false }] }),
      external: { feedbackWidgets: 2, sources: { feedbackWidgets: fresh } },
    });
    expect(feedbackWidgets.evaluate(a, {}, c)).toMatchObject({
      status: 'pass',
      source: fresh,
      evidence: [
        { type: 'field', name: 'widgets', value: 2 },
        { type: 'field', name: 'widget_other_ogrn', value: '1020000000009' },
      ],
    });
  });
});

describe('facts VK did not send', () => {
  it('make state-mark, avatar, cover, open-page unknown, not failed', () => {
    const blank = profile({ isVerified: null, hasAvatar: null, hasCover: null, isClosed: null });
    for (const rule of [stateMark, avatar, cover, openPage])
      expect(rule.evaluate(page({ profile: blank }), {}, c).status, rule.id).toBe('unknown');
  });

  it('let the export or a manual check decide the state mark when VK did not send it', () => {
    const a = page({
      profile: profile({ isVerified: null }),
      external: { stateMark: false, sources: { stateMark: { source: 'export', at: END } } },
    });
    expect(stateMark.evaluate(a, {}, c)).toMatchObject({ status: 'fail', source: { source: 'export' } });
  });

  it('judge the export when present: two widgets pass, one warns', () => {
    expect(feedbackWidgets.evaluate(page({ external: { feedbackWidgets: 2 } }), {}, c).status).toBe('pass');
    expect(feedbackWidgets.evaluate(page({ external: { feedbackWidgets: 1 } }), {}, c).status).toBe('warn');
    expect(feedbackWidgets.evaluate(page({ external: { feedbackWidgets: 0 } }), {}, c).status).toBe('fail');
    expect(gospubliki.evaluate(page({ external: { gospublikiConnected: false } }), {}, c).status).toBe(
      'fail',
    );
    expect(siteBacklink.evaluate(page({ external: { siteBacklink: true } }), {}, c).status).toBe('pass');
  });
});
