/// <reference lib="dom" />
// Every route of the web app (web/src/app/routes.tsx, plus the sign-in and the certificate check) on a 360-px
// phone, and each role's main path on a 1366-px desktop, as the roles that can see it, in Russian and in English: axe finds no WCAG 2 A/AA violation, the page
// does not scroll sideways, no text runs down a box narrower than eight characters, the console stays clean, and
// the words are the user's: no raw rule id, no ISO date, no English word in the Russian interface and no Russian
// one in the English interface outside a proper name marked lang="ru". One server, one browser.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cardMessages } from '../web/src/lib/messages.card.ts';
import { plannerMessages } from '../web/src/lib/messages.planner.ts';
import { queueMessages } from '../web/src/lib/messages.queue.ts';
import { trainingMessages } from '../web/src/lib/messages.training.ts';
import { messages } from '../web/src/lib/messages.ts';
import {
  axeViolations,
  DESKTOP,
  type Demo,
  overflowingElements,
  SHOTS,
  sidewaysScroll,
  signIn,
  squeezedText,
  useDemo,
} from './browser.ts';

const PHONE_360 = { width: 360, height: 780 };

// Latin words a Russian screen may show: brands, file formats, units of the trade.
// Screens whose words other branches are rewriting, so this walk leaves their words to them: the methodology, and
// in English the inbox (its rows need translate="no" on names and questions, and TextPagination for its pagination).
// Layout, axe and the console are checked there too.
const WORDS_ELSEWHERE: Record<Lang, Set<string>> = {
  ru: new Set(['methodology']),
  en: new Set(['methodology', 'inbox']),
};
// Rule ids that are plain English too ("two-factor authentication").
const ENGLISH_IDS = new Set(['two-factor']);
const LATIN_ALLOWED = new Set([
  'utf',
  'windows',
  'vk',
  'vkontakte',
  'pdf',
  'csv',
  'xlsx',
  'er',
  'id',
  'publica',
  'max',
  'email',
  // Keys as printed on the keyboard (the inbox's shortcuts).
  'enter',
  'esc',
]);

type Lang = 'ru' | 'en';

/** The Russian catalog's fixed phrases (the longest literal piece of each, 8+ characters): seen in the English
 * interface, one of them is a fallback or a hard-coded string, whatever the data around it. */
function russianPhrases(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      const piece = v
        .split(/\{\{[^}]*\}\}|<[^>]*>/)
        .map((x) => x.trim())
        .sort((a, b) => b.length - a.length)[0];
      if (piece && piece.length >= 8 && /[А-Яа-яЁё]/.test(piece)) out.add(piece);
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  for (const m of [messages, cardMessages, plannerMessages, queueMessages, trainingMessages]) walk(m.ru);
  return [...out];
}
const RUSSIAN_PHRASES = russianPhrases();
type Words = {
  latin: string[];
  cyrillic: string[];
  isoDates: string[];
  ruleIds: string[];
  phrases: string[];
};

/** What the screen says that a user should not read, from its visible text and accessible names. */
function strayWords(page: Page, ruleIds: string[]): Promise<Words> {
  return page.evaluate(
    ({ ids, russian }) => {
      const latin = new Set<string>();
      const cyrillic = new Set<string>();
      const isoDates = new Set<string>();
      const rules = new Set<string>();
      const phrases = new Set<string>();
      const english = document.documentElement.lang === 'en';
      // The interface's own words: controls, labels, headers of tables and forms; data (names, posts) is elsewhere.
      const CHROME = 'button, label, th, nav, legend, summary, [role="tab"], .vkuiFormItem__top';
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && !el.closest('[aria-hidden="true"]');
      };
      // Where a finding is: the element and, for an attribute, its name.
      const at = (el: Element, attr?: string) =>
        `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}${attr ? `[${attr}]` : ''}`;
      const scan = (text: string, el: Element, attr?: string) => {
        const where = `${at(el, attr)} "${text.trim().slice(0, 40)}"`;
        for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}/g)) isoDates.add(`${m[0]} in ${where}`);
        for (const id of ids)
          if (new RegExp(`(^|[^\\w-])${id}($|[^\\w-])`).test(text)) rules.add(`${id} in ${where}`);
        // Proper names, people's words and quoted posts are marked translate="no" (or with their language).
        if (el.closest('[translate="no"]')) return;
        // A web address or an e-mail is a name, not a word; "e-mail" is at home in Russian.
        const words = text
          .replace(/\S*(https?:\/\/|www\.|@|\.ru\b|\.com\b)\S*/g, ' ')
          .replace(/\be-mail\b/gi, ' ');
        // A Latin run glued to Cyrillic ("xyйня") is not an English word.
        if (!el.closest('[lang="en"]'))
          for (const m of words.matchAll(/(?<![А-Яа-яЁё])[A-Za-z][A-Za-z'’]+(?![А-Яа-яЁё])/g))
            latin.add(`${m[0]} in ${where}`);
        if (!english) return;
        // A whole phrase of the catalog, or a long one inside a text (a short one, "Детский сад", may be in a name).
        const whole = text.trim();
        for (const p of russian)
          if (whole === p || (p.length >= 16 && text.includes(p))) phrases.add(`${p} in ${where}`);
        const chrome = attr === 'placeholder' || attr === 'title' || el.closest(CHROME);
        if (chrome && !el.closest('[lang="ru"]'))
          for (const m of words.matchAll(/[А-Яа-яЁё]+/g)) cyrillic.add(`${m[0]} in ${where}`);
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest('script, style, noscript') || !visible(el)) continue;
        scan(n.textContent ?? '', el);
      }
      for (const el of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title]')))
        for (const a of ['aria-label', 'placeholder', 'title']) {
          const v = el.getAttribute(a);
          if (v) scan(v, el, a);
        }
      return {
        latin: [...latin],
        cyrillic: [...cyrillic],
        isoDates: [...isoDates],
        ruleIds: [...rules],
        phrases: [...phrases],
      };
    },
    { ids: ruleIds, russian: RUSSIAN_PHRASES },
  );
}

describe('every route at 360 px, as the roles that see it, in Russian and in English', () => {
  let demo: Demo;
  let browser: Browser;
  useDemo((d, b) => {
    demo = d;
    browser = b;
  });

  /** One role's walk over its routes in one language; returns every finding, so one run names them all. */
  async function walk(
    login: string | null,
    lang: Lang,
    routes: (ids: Ids) => [string, string][],
    viewport = PHONE_360,
  ) {
    const context = await browser.newContext({ bypassCSP: true, viewport, locale: 'ru-RU' });
    await context.addInitScript((l) => localStorage.setItem('publica.lang', l), lang);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    if (login) await signIn(page, demo.url, login);
    const ids = login ? await idsOf(page, demo.url) : ({ ruleIds: [] } as unknown as Ids);
    const findings: string[] = [];
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const [name, route] of routes(ids)) {
      const where = `${login ?? 'signed-out'} ${lang} ${viewport.width} px ${name} (${route})`;
      problems.length = 0;
      await page.goto(`${demo.url}${route}`, { timeout: 90_000 });
      const headed = await page
        .locator('h1')
        .first()
        .waitFor({ timeout: 30_000 })
        .then(() => true)
        .catch(() => false);
      if (!headed) {
        findings.push(`${where}: no heading (h1) in 30 s`);
        continue;
      }
      // A screen that keeps polling never goes quiet: judge what is there after a while.
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
      // Lazy data (charts, tables) settles after the heading; the spinners must be gone before judging words.
      await page
        .locator('.vkuiSpinner')
        .first()
        .waitFor({ state: 'detached', timeout: 30_000 })
        .catch(() => undefined);
      await page.screenshot({
        path: path.join(SHOTS, `route-${viewport.width}-${lang}-${login ?? 'out'}-${name}.png`),
        fullPage: true,
      });
      const scroll = await sidewaysScroll(page);
      if (scroll > 1)
        findings.push(`${where}: sideways scroll by ${(await overflowingElements(page)).join(', ')}`);
      for (const s of await squeezedText(page)) findings.push(`${where}: squeezed ${s}`);
      for (const v of await axeViolations(page)) findings.push(`${where}: axe ${v}`);
      const words = WORDS_ELSEWHERE[lang].has(name)
        ? { latin: [], cyrillic: [], isoDates: [], ruleIds: [], phrases: [] }
        : await strayWords(page, ids.ruleIds ?? []);
      for (const d of words.isoDates) findings.push(`${where}: ISO date ${d}`);
      for (const r of words.ruleIds)
        if (!(lang === 'en' && ENGLISH_IDS.has(r.split(' ')[0] ?? '')))
          findings.push(`${where}: rule id ${r}`);
      if (lang === 'ru')
        for (const w of words.latin)
          if (!LATIN_ALLOWED.has(w.split(' ')[0]?.toLowerCase() ?? ''))
            findings.push(`${where}: English ${w}`);
      if (lang === 'en')
        for (const w of [...words.cyrillic, ...words.phrases]) findings.push(`${where}: Russian ${w}`);
      for (const p of problems) findings.push(`${where}: console ${p}`);
    }
    await context.close();
    return findings;
  }

  const RU = (login: string | null, routes: (ids: Ids) => [string, string][]) => walk(login, 'ru', routes);

  it('in Russian: each route as the roles that can open it', async () => {
    const findings = [
      ...(await RU(null, () => [
        ['sign-in', '/'],
        ['verify', '/verify'],
      ])),
      ...(await RU('demo-federal', everyRoute)),
      ...(await RU('demo-region', (i) => [
        ['home', '/'],
        ['region', `/units/region/${i.region}`],
        ['pages', '/pages'],
        ['inbox', '/inbox'],
        ['review', '/planner/review'],
      ])),
      ...(await RU('demo-municipality', (i) => [
        ['home', '/'],
        ['municipality', `/units/municipality/${i.municipality}`],
        ['pages', '/pages'],
      ])),
      ...(await RU('demo-institution', (i) => [
        ['home', '/'],
        ['report', `/pages/${i.page}`],
        ['planner', `/planner/${i.page}`],
        ['inbox', '/inbox'],
        ['notifications', '/notifications'],
      ])),
      ...(await RU('demo-institution-viewer', () => [['home', '/']])),
      ...(await RU('demo-trainer', () => [['seminars', '/seminars']])),
    ];
    expect(findings).toEqual([]);
  }, 400_000);

  it('in English: the same routes, with no Russian but proper names', async () => {
    const findings = [
      ...(await walk(null, 'en', () => [['sign-in', '/']])),
      ...(await walk('demo-federal', 'en', everyRoute)),
      ...(await walk('demo-institution', 'en', (i) => [
        ['home', '/'],
        ['report', `/pages/${i.page}`],
        ['planner', `/planner/${i.page}`],
      ])),
    ];
    expect(findings).toEqual([]);
  }, 400_000);

  // The desktop: each role's main path (its home and the screen it works on), not every route again; the same
  // checks, so a layout that only breaks wide (a table, a chart, a sticky column) is caught too.
  it("at 1366 px: each role's main path in Russian, and the federal and page admin's in English", async () => {
    const wide = (login: string | null, lang: Lang, routes: (ids: Ids) => [string, string][]) =>
      walk(login, lang, routes, DESKTOP);
    const findings = [
      ...(await wide(null, 'ru', () => [['sign-in', '/']])),
      ...(await wide('demo-federal', 'ru', () => [
        ['home', '/'],
        ['country', '/units/country'],
      ])),
      ...(await wide('demo-region', 'ru', (i) => [
        ['region', `/units/region/${i.region}`],
        ['inbox', '/inbox'],
      ])),
      ...(await wide('demo-municipality', 'ru', (i) => [
        ['municipality', `/units/municipality/${i.municipality}`],
        ['pages', '/pages'],
      ])),
      ...(await wide('demo-institution', 'ru', (i) => [
        ['home', '/'],
        ['report', `/pages/${i.page}`],
        ['planner', `/planner/${i.page}`],
      ])),
      ...(await wide('demo-institution-viewer', 'ru', () => [['home', '/']])),
      ...(await wide('demo-trainer', 'ru', () => [['seminars', '/seminars']])),
      ...(await wide('demo-methodologist', 'ru', () => [['workshop', '/workshop']])),
      ...(await wide('demo-federal', 'en', () => [['country', '/units/country']])),
      ...(await wide('demo-institution', 'en', (i) => [
        ['report', `/pages/${i.page}`],
        ['planner', `/planner/${i.page}`],
      ])),
    ];
    expect(findings).toEqual([]);
  }, 400_000);
});

type Ids = { region: string; municipality: number; page: number; seminar?: number; ruleIds: string[] };

/** The ids the routes need, as this user sees them, and the rule ids that must never show raw. */
async function idsOf(page: Page, base: string): Promise<Ids> {
  const get = async <T>(path: string): Promise<T> =>
    (await page.request.get(`${base}${path}`)).json() as Promise<T>;
  const pages = await get<{
    items: { id: number; institution: { regionCode: string; municipalityId: number } }[];
  }>('/api/pages?size=1&sort=-score');
  const first = pages.items[0];
  if (!first) throw new Error('the demo has no pages this user sees');
  const seminars = await get<{ items?: { id: number }[] }>('/api/seminars?size=1');
  const method = await get<{ ruleList: { id: string }[] }>('/api/methodology/versions/2023.1');
  return {
    region: first.institution.regionCode,
    municipality: first.institution.municipalityId,
    page: first.id,
    seminar: seminars.items?.[0]?.id,
    // Ids that are plain words ("avatar") are English words and caught as such in Russian; compound ones here.
    ruleIds: method.ruleList.map((r) => r.id).filter((id) => /[-_]/.test(id)),
  };
}

function everyRoute(i: Ids): [string, string][] {
  const routes: [string, string][] = [
    ['home', '/'],
    ['country', '/units/country'],
    ['region', `/units/region/${i.region}`],
    ['municipality', `/units/municipality/${i.municipality}`],
    ['pages', '/pages'],
    ['report', `/pages/${i.page}`],
    ['methodology', '/methodology'],
    ['upload', '/registry/upload'],
    ['inbox', '/inbox'],
    ['seminars', '/seminars'],
    ['seminar-new', '/seminars/new'],
    ['notifications', '/notifications'],
    ['planner', '/planner'],
    ['planner-page', `/planner/${i.page}`],
    ['review', '/planner/review'],
    ['syndication', '/planner/syndication'],
    ['not-found', '/no-such-screen'],
  ];
  if (i.seminar) routes.push(['seminar', `/seminars/${i.seminar}`]);
  return routes;
}
