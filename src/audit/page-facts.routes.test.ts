import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld, multipart } from '../../test/api.ts';
import { page, post, profile, ctx as ruleCtx } from '../../test/artifacts.ts';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { sharedPath } from '../../test/shared.ts';
import { importVkGroups } from '../collect/index.ts';
import { formatDay, loadVersion } from '../methodology/index.ts';
import { runAudit } from './audit-run.service.ts';
import { evaluatePage } from './evaluate.ts';
import { readPageFacts } from './page-facts.repo.ts';

const END = Date.parse('2026-11-29T00:00:00Z') / 1000;
const YEAR = 365 * 86_400;
const svetofor = loadVersion('svetofor');

describeEachDialect(
  'manual checks and the Госпаблики export through the API',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 20 });
    }, 120_000);
    afterAll(async () => {
      await w?.close();
    });

    const check = (pageId: number, body: object) => ({
      method: 'POST' as const,
      url: `/api/pages/${pageId}/facts`,
      payload: { checkedOn: '2026-11-20', evidence: 'https://disk.example/screen.png', ...body },
    });

    it('let the page admin record a check, with who, when and evidence in the audit log', async () => {
      const res = await w.as('institution', check(w.a.pageId, { fact: 'gospublikiConnected', value: true }));
      expect(res.statusCode).toBe(201);
      const facts = (
        await w.as('institution_viewer', { method: 'GET', url: `/api/pages/${w.a.pageId}/facts` })
      ).json();
      expect(facts.items).toContainEqual({
        fact: 'gospublikiConnected',
        value: 1,
        source: 'manual',
        checkedAt: Date.parse('2026-11-20T00:00:00Z') / 1000,
        by: w.users.institution.login,
        evidence: 'https://disk.example/screen.png',
      });
      const log = await ctx.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'page_fact.record')
        .execute();
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({
        actor: w.users.institution.login,
        target_id: String(w.a.pageId),
        region_code: w.a.regionCode,
        institution_id: w.a.institutionId,
      });
    });

    it('refuse viewers (403), pages outside the scope (404) and bad values or future days (400), writing nothing', async () => {
      const before = await ctx.db.kysely.selectFrom('page_facts').select('id').execute();
      const viewer = await w.as(
        'institution_viewer',
        check(w.a.pageId, { fact: 'siteBacklink', value: true }),
      );
      expect(viewer.statusCode).toBe(403);
      const other = await w.as('region', check(w.b.pageId, { fact: 'siteBacklink', value: true }));
      expect(other.statusCode).toBe(404);
      expect(other.json().error.message).toBe(`no page ${w.b.pageId} in your scope`);
      const widgets = await w.as('region', check(w.a.pageId, { fact: 'feedbackWidgets', value: 3 }));
      expect(widgets.statusCode).toBe(400);
      const flag = await w.as('region', check(w.a.pageId, { fact: 'siteBacklink', value: 2 }));
      expect(flag.statusCode).toBe(400);
      expect(flag.json().error.details).toEqual([{ path: 'value', message: '0…1' }]);
      const future = await w.as(
        'region',
        check(w.a.pageId, { fact: 'siteBacklink', value: true, checkedOn: '2099-01-01' }),
      );
      expect(future.statusCode).toBe(400);
      expect(future.json().error.details[0].path).toBe('body.checkedAt');
      const unknownFact = await w.as('region', check(w.a.pageId, { fact: 'likes', value: true }));
      expect(unknownFact.statusCode).toBe(400);
      expect(await ctx.db.kysely.selectFrom('page_facts').select('id').execute()).toEqual(before);
    });

    it('import the export for pages in the scope only; a row of another region writes nothing', async () => {
      const csv = (ogrn: string) =>
        `ОГРН;Подключено;Отметка «Госорганизация»;Оформление, %;Виджеты ПОС;Активность, %\n${ogrn};да;да;80;2;60\n`;
      const outside = await w.as('region', {
        method: 'POST',
        url: '/api/page-facts/imports',
        ...multipart('export.csv', csv(w.b.ogrn)),
      });
      expect(outside.statusCode).toBe(200);
      expect(outside.json()).toMatchObject({
        facts: 0,
        problems: [{ row: 2, field: 'ogrn', key: 'no_page', value: w.b.ogrn }],
      });
      const preview = await w.as('region', {
        method: 'POST',
        url: '/api/page-facts/imports?dryRun=1',
        ...multipart('export.csv', csv(w.a.ogrn)),
      });
      expect(preview.json()).toMatchObject({ rows: 1, facts: 3, problems: [] });
      expect(
        await ctx.db.kysely.selectFrom('page_facts').select('id').where('source', '=', 'export').execute(),
      ).toEqual([]);
      const done = await w.as('region', {
        method: 'POST',
        url: '/api/page-facts/imports',
        ...multipart('export.csv', csv(w.a.ogrn)),
      });
      expect(done.json()).toMatchObject({ rows: 1, pages: 1, facts: 3, problems: [] });
      const log = await ctx.db.kysely
        .selectFrom('audit_log')
        .select(['actor', 'details_json'])
        .where('action', '=', 'page_fact.import')
        .execute();
      expect(log).toEqual([
        { actor: w.users.region.login, details_json: JSON.stringify({ rows: 1, pages: 1, facts: 3 }) },
      ]);
    });

    it('let the traffic-light version reach its full 90 points once the manual facts are recorded', async () => {
      const pageId = w.a.pageId;
      await w.as('municipality', check(pageId, { fact: 'feedbackWidgets', value: 2 }));
      await w.as('municipality', check(pageId, { fact: 'gospublikiConnected', value: true }));
      await w.as('municipality', check(pageId, { fact: 'stateMark', value: true }));
      const external = (await readPageFacts(ctx.db, [pageId], END - YEAR, END)).get(pageId) ?? {};
      // A page that earns every automatic point: avatar, description, cover, 3 posts in 7 days seen by 90 %.
      const perfect = page({
        profile: { ...profile(), isVerified: null, menuWidgets: null },
        posts: [post(1, { views: 300 }), post(3, { views: 300 }), post(5, { views: 300 })],
        external,
      } as never);
      // Without them the three rules are unknown: the 90 shown is 60 judged points scaled, not 90 earned.
      const before = evaluatePage(svetofor, { ...perfect, external: {} }, ruleCtx());
      expect(before.score.unknown.sort()).toEqual(['feedback-widgets', 'gospubliki-connected', 'state-mark']);
      const denied = evaluatePage(
        svetofor,
        { ...perfect, external: { feedbackWidgets: 0, gospublikiConnected: false, stateMark: false } },
        ruleCtx(),
      );
      expect(denied.score.total).toBe(60);
      const after = evaluatePage(svetofor, perfect, ruleCtx());
      expect(after.score.total).toBe(90);
      expect(after.score.unknown).toEqual([]);
      expect(after.score.level).toBe('green');
      expect(after.rules.filter((r) => r.status !== 'pass').map((r) => r.id)).toEqual([]);

      // And on the world's own page, the card names the manual source of each fact it judged.
      const run = await runAudit(ctx.db, {
        version: svetofor,
        period: { start: END - 7 * 86_400, end: END },
        workers: 1,
      });
      const card = (
        await w.as('institution', {
          method: 'GET',
          url: `/api/pages/${pageId}/report?run=${run.runId}&lang=ru`,
        })
      ).json();
      const byId = new Map(card.rules.map((r: { id: string }) => [r.id, r]));
      expect(byId.get('feedback-widgets')).toMatchObject({ status: 'pass', source: { source: 'manual' } });
      expect(byId.get('gospubliki-connected')).toMatchObject({
        status: 'pass',
        source: { source: 'manual' },
      });
    });

    it('turn a real-shaped profile without the state-mark field from unknown to pass or fail, naming the source', async () => {
      // VK's own sample answer of groups.getById (no is_government_organization, no trust_mark), as two of
      // region A's pages: a collection of them stores the mark as unknown.
      const mine = await ctx.db.kysely
        .selectFrom('pages')
        .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
        .select(['pages.id', 'pages.external_id', 'pages.screen_name', 'institutions.ogrn'])
        .where('institutions.region_code', '=', w.a.regionCode)
        .where('pages.id', '!=', w.a.pageId)
        .where('pages.status', '=', 'active')
        .orderBy('pages.id')
        .limit(2)
        .execute();
      const [checked, exported] = mine;
      if (!checked || !exported) throw new Error('two pages of region A');
      const sample = JSON.parse(
        fs.readFileSync(sharedPath('vk-api-samples', 'groups.getById', 'legacy-array_ban-info.json'), 'utf8'),
      ) as { response: Record<string, unknown>[] };
      const [group] = sample.response;
      const file = path.join(tempDir(), 'groups.json');
      const as = (p: (typeof mine)[number]) => ({ ...group, id: p.external_id, screen_name: p.screen_name });
      fs.writeFileSync(file, JSON.stringify({ response: [as(checked), as(exported)] }));
      await importVkGroups(ctx.db, file);
      const audit = async () => {
        const end = Math.floor(Date.now() / 1000) + 60;
        const { runId } = await runAudit(ctx.db, {
          version: loadVersion('2023.1'),
          period: { start: end - 30 * 86_400, end },
          workers: 1,
        });
        return async (pageId: number) => {
          const res = await w.as('region', {
            method: 'GET',
            url: `/api/pages/${pageId}/report?run=${runId}&lang=ru`,
          });
          expect(res.statusCode).toBe(200);
          const card = res.json();
          return { card, mark: card.rules.find((r: { id: string }) => r.id === 'state-mark') };
        };
      };

      const first = await audit();
      for (const page of [checked, exported]) {
        const { card, mark } = await first(page.id);
        expect(mark).toMatchObject({ status: 'unknown', unknown: { fact: 'state_mark' } });
        expect(mark.unknown.text).toBe(
          'Неизвестно: отметка «Госорганизация». Как узнать: собрать страницу заново (ВКонтакте не передал поле), ' +
            'загрузить выгрузку «Госпабликов» региона или записать ручную проверку (кто, когда, подтверждение).',
        );
        expect(card.unknownRules).toContain('state-mark');
      }

      const today = new Date().toISOString().slice(0, 10);
      const recorded = await w.as(
        'region',
        check(checked.id, { fact: 'stateMark', value: true, checkedOn: today }),
      );
      expect(recorded.statusCode).toBe(201);
      const csv = `ОГРН;Подключено;Отметка «Госорганизация»;Оформление, %;Виджеты ПОС;Активность, %\n${exported.ogrn};да;нет;70;1;40\n`;
      const imported = await w.as('region', {
        method: 'POST',
        url: '/api/page-facts/imports',
        ...multipart('gospubliki.csv', csv),
      });
      expect(imported.json()).toMatchObject({ rows: 1, pages: 1, problems: [] });

      const second = await audit();
      const day = formatDay(today, 'ru');
      const passed = (await second(checked.id)).mark;
      expect(passed).toMatchObject({
        status: 'pass',
        source: { source: 'manual', by: w.users.region.login, evidence: 'https://disk.example/screen.png' },
      });
      expect(passed.source.text).toBe(
        `Источник: ручная проверка, ${day}, ${w.users.region.login}, https://disk.example/screen.png`,
      );
      const failed = (await second(exported.id)).mark;
      expect(failed).toMatchObject({ status: 'fail', source: { source: 'export' } });
      expect(failed.source.text).toBe(
        `Источник: выгрузка «Госпабликов», ${day}, ${w.users.region.login}, gospubliki.csv, строка 2`,
      );
    });
  },
  { shared: true },
);
