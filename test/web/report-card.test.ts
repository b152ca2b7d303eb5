// The report card of every page of a demo world, as the web app builds it from the API's answers (report,
// page, methodology → card-model.ts): no raw evidence key or code reaches the reader, every rule to fix says
// how, names are the methodology's positive ones, values carry units, the history runs oldest first.
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageCardView as PageCard } from '../../src/analytics/index.ts';
import type { PageReportView as PageReport } from '../../src/audit/index.ts';
import type { MethodologyVersionView as MethodologyVersion } from '../../src/methodology/index.ts';
import { buildCard, type CardModel } from '../../web/src/lib/card-model.ts';
import { cardMessages } from '../../web/src/lib/messages.card.ts';
import { messages } from '../../web/src/lib/messages.ts';
import { type ApiWorld, apiWorld } from '../api.ts';
import { type FreshDb, freshSqlite } from '../db.ts';

/** Evidence codes the rules write; none may show through in the Russian card. */
const RAW_RU =
  /\b(avatar|cover|pinned_post|state_mark|description_length|last_post|page_name|registry_name|page_url|registry_site|is_closed|deactivated|readable|widgets|comments_closed|marked_as_ads|long_sentences|long_words|all_caps|no_words|child_name|activity|phone|email|address|site|wall|posts|post)\b/;
/** In either language: no code with an underscore, placeholder, ISO date or JSON. */
const RAW = /\b[a-z]+_[a-z_]+\b|\{\{|\d{4}-\d{2}-\d{2}|: \{|"/;

describe('the report card of every page of the demo', () => {
  let fresh: FreshDb;
  let world: ApiWorld;
  const cards: { pageId: number; lang: 'ru' | 'en'; model: CardModel; report: PageReport }[] = [];

  beforeAll(async () => {
    fresh = await freshSqlite();
    world = await apiWorld(fresh.db, { institutions: 60 });
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: {
        ru: { translation: { ...messages.ru, ...cardMessages.ru } },
        en: { translation: { ...messages.en, ...cardMessages.en } },
      },
      lng: 'ru',
      interpolation: { escapeValue: false },
    });
    const pages = await fresh.db.kysely
      .selectFrom('audit_page_results')
      .select('page_id')
      .where('run_id', '=', world.runId)
      .orderBy('page_id')
      .execute();
    expect(pages.length).toBeGreaterThan(20);
    for (const lang of ['ru', 'en'] as const) {
      const t = i18n.getFixedT(lang);
      const get = async <T>(url: string) => {
        const res = await world.as('federal_viewer', { method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        return res.json() as T;
      };
      const methodology = await get<MethodologyVersion>(`/api/methodology/versions/2023.1?lang=${lang}`);
      for (const { page_id } of pages) {
        const report = await get<PageReport>(`/api/pages/${page_id}/report?lang=${lang}`);
        const card = await get<PageCard>(`/api/pages/${page_id}`);
        const model = buildCard({ report, methodology, card, lang, t: (k, o) => t(k, o ?? {}) as string });
        cards.push({ pageId: page_id, lang, model, report });
      }
    }
  }, 240_000);
  afterAll(async () => {
    await world?.close();
    await fresh?.dispose();
  });

  const items = (m: CardModel) => [...m.todo, ...m.manual, ...m.done, ...m.notJudged];

  it('says every piece of evidence as a sentence, never a raw key, code, ISO date or JSON', () => {
    let lines = 0;
    for (const { pageId, lang, model } of cards)
      for (const item of items(model))
        for (const line of item.evidence) {
          lines++;
          expect(line.text, `page ${pageId} ${lang} ${item.id}`).not.toMatch(RAW);
          if (lang === 'ru') expect(line.text, `page ${pageId} ${item.id}`).not.toMatch(RAW_RU);
          if (line.href) expect(line.href).toMatch(/^https:\/\/vk\.com\/wall-\d+_\d+(\?reply=\d+)?$/);
        }
    expect(lines).toBeGreaterThan(50);
    // Posts are linked to VK with their date in words.
    const postLines = cards.flatMap((c) => items(c.model).flatMap((i) => i.evidence)).filter((l) => l.href);
    expect(postLines.length).toBeGreaterThan(0);
    expect(postLines.find((l) => /Пост от \d{1,2} [а-я]+ \d{4}/.test(l.text))).toBeTruthy();
  });

  it('lists every failed or partly met rule under "what to do", each with how to do it and its gain', () => {
    for (const { pageId, model, report } of cards) {
      const toFix = report.rules.filter((r) => r.status === 'fail' || r.status === 'warn').map((r) => r.id);
      expect(model.todo.map((i) => i.id).sort(), `page ${pageId}`).toEqual(toFix.sort());
      for (const item of model.todo) {
        expect(item.howTo.length, `${pageId} ${item.id}`).toBeGreaterThan(10);
        expect(item.gainText).toMatch(
          /^\+\d+ (балл|балла|баллов|point|points)$|^(меньше балла|under a point)$/,
        );
        expect(item.effort).toBeTruthy();
      }
      // Most points for the effort first.
      const priorities = model.todo.map((i) => i.priority);
      expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    }
  });

  it('names each rule by its one positive name and gives values with units and norms, statuses in words', () => {
    const names = new Map<string, Set<string>>();
    for (const { lang, model } of cards.filter((c) => c.lang === 'ru'))
      for (const item of items(model)) {
        names.set(item.id, (names.get(item.id) ?? new Set()).add(item.name));
        expect(item.statusText, `${lang} ${item.id}`).toMatch(/^[а-яё ]+$/);
        if (item.value) expect(item.value).not.toMatch(/^[\d,.\s]+$/);
      }
    for (const [id, set] of names) expect([...set], id).toHaveLength(1);
    expect([...(names.get('avatar') ?? [])]).toEqual(['Есть аватар']);
    const silence = cards
      .flatMap((c) => (c.lang === 'ru' ? items(c.model) : []))
      .find((i) => i.id === 'longest-silence' && i.value);
    expect(silence?.value).toMatch(/^\d+ (день|дня|дней) без постов · норма ≤ 7$/);
    // Where the page stands, in words a reader can check: never "better than 0 in 10" nor "10 in 10".
    const percentiles = cards.flatMap((c) => items(c.model)).flatMap((i) => i.percentile ?? []);
    expect(percentiles.length).toBeGreaterThan(0);
    for (const p of percentiles)
      expect(p).toMatch(
        /^((лучше|хуже), чем [5-9] из 10 похожих страниц региона|(лучше|хуже) всех похожих страниц региона|как у большинства похожих страниц региона|(better|worse) than [5-9] in 10 similar pages of the region|(better|worse) than every similar page of the region|like most similar pages of the region)$/,
      );
    expect(percentiles.some((p) => /^лучше, чем/.test(p))).toBe(true);
  });

  it('runs the history in date order, oldest first', () => {
    let multi = 0;
    for (const { model } of cards) {
      const ends = model.history.map((h) => h.periodEnd);
      expect(ends).toEqual([...ends].sort((a, b) => a - b));
      if (ends.length > 1) multi++;
    }
    expect(multi).toBeGreaterThan(0);
  });

  it('offers a manual check for each rule whose fact VK does not tell, and only for those', () => {
    const recordable = [
      'feedback-widgets',
      'gospubliki-connected',
      'site-backlink',
      'state-mark',
      'two-factor',
    ];
    for (const { pageId, model } of cards) {
      expect(model.checks.map((i) => i.id).sort(), `page ${pageId}`).toEqual(recordable);
      expect(model.checks.every((i) => i.check !== null)).toBe(true);
      // A rule with a recordable fact is not also in the tick-for-yourself list.
      expect(model.manual.filter((i) => recordable.includes(i.id))).toEqual([]);
    }
  });
});
