import { beforeEach, expect, it } from 'vitest';
import { profile, ctx as ruleCtx } from '../../test/artifacts.ts';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { csvText, ogrnFor, schoolLine, writeFile } from '../../test/factories.ts';
import { rules } from '../methodology/index.ts';
import { AppError } from '../platform/errors.ts';
import { importRegistryFile, readCsv } from '../registry/index.ts';
import { readPageFacts } from './page-facts.repo.ts';
import { importGospublikiExport, recordCheck } from './page-facts.service.ts';

const AT = Date.parse('2026-11-20T00:00:00Z') / 1000;
const END = Date.parse('2026-11-29T00:00:00Z') / 1000;
const YEAR = 365 * 86_400;

const grid = (text: string) => readCsv(Buffer.from(text, 'utf8'));

describeEachDialect('manual checks and the region Госпаблики export', (ctx) => {
  let pageIds: number[];
  beforeEach(async () => {
    const dir = tempDir();
    await importRegistryFile(ctx.db, writeFile(dir, 'r.csv', csvText([schoolLine(1), schoolLine(2)])));
    pageIds = (await ctx.db.kysely.selectFrom('pages').select('id').orderBy('id').execute()).map((p) => p.id);
  });

  it('turn an unknown state mark into pass or fail, naming the export row as the source', async () => {
    const stateMark = rules.get('state-mark');
    const blank = { isVerified: null };
    const artifacts = (external: object) =>
      ({
        page: { id: 1, url: '', status: 'active' },
        institution: null,
        profile: profile(blank),
        posts: [],
        comments: [],
        lastPostBefore: null,
        pinned: null,
        external,
      }) as never;
    expect(stateMark?.evaluate(artifacts({}), {}, ruleCtx()).status).toBe('unknown');
    // The first school also has an OK group: the export (of VK communities) fills nothing of it.
    const first = await ctx.db.kysely
      .selectFrom('pages')
      .select('institution_id')
      .where('id', '=', pageIds[0] as number)
      .executeTakeFirstOrThrow();
    const ok = await ctx.db.kysely
      .insertInto('pages')
      .values({
        institution_id: first.institution_id,
        platform: 'ok',
        external_id: 700000001,
        screen_name: null,
        url: 'https://ok.ru/group/700000001',
        status: 'active',
        last_collected_at: null,
        created_at: AT,
        updated_at: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const report = await importGospublikiExport(
      ctx.db,
      grid(
        `ОГРН;Подключено;Отметка «Госорганизация»;Оформление, %;Виджеты ПОС;Активность, %\n${ogrnFor(1)};да;да;80;2;60\n${ogrnFor(2)};нет;нет;40;1;10\n`,
      ),
      { by: null, at: AT, file: 'export.csv' },
    );
    expect(report).toMatchObject({ rows: 2, pages: 2, facts: 6, problems: [] });
    const facts = await readPageFacts(ctx.db, [...pageIds, ok.id], END - YEAR, END);
    expect(facts.get(ok.id) ?? {}).toEqual({});
    const marked = facts.get(pageIds[0] as number) ?? {};
    expect(marked).toMatchObject({ stateMark: true, gospublikiConnected: true, feedbackWidgets: 2 });
    expect(stateMark?.evaluate(artifacts(marked), {}, ruleCtx())).toMatchObject({
      status: 'pass',
      source: { source: 'export', evidence: 'export.csv, row 2' },
    });
    const second = facts.get(pageIds[1] as number) ?? {};
    expect(stateMark?.evaluate(artifacts(second), {}, ruleCtx()).status).toBe('fail');
  });

  it('write nothing when any row is wrong, and name each bad row and field', async () => {
    const report = await importGospublikiExport(
      ctx.db,
      grid(`ОГРН;Подключено;Виджеты\n${ogrnFor(1)};да;2\n123;может быть;5\n${ogrnFor(9)};да;1\n`),
      { by: null, at: AT, file: 'bad.csv' },
    );
    expect(report.problems).toEqual([
      { row: 3, field: 'ogrn', key: 'invalid_ogrn', value: '123' },
      { row: 3, field: 'connected', key: 'expected_yes_no', value: 'может быть' },
      { row: 3, field: 'widgets', key: 'expected_0_1_2', value: '5' },
      { row: 4, field: 'ogrn', key: 'no_page', value: ogrnFor(9) },
    ]);
    expect(report.facts).toBe(0);
    expect(await ctx.db.kysely.selectFrom('page_facts').selectAll().execute()).toEqual([]);
  });

  it('record a manual check with who, when and evidence; the latest wins and an expired one is left out', async () => {
    const page = pageIds[0] as number;
    await recordCheck(
      ctx.db,
      { pageId: page, fact: 'twoFactor', value: false, evidence: 'screenshot 1' },
      null,
      AT - 2 * YEAR,
    );
    expect((await readPageFacts(ctx.db, [page], END - YEAR, END)).get(page)).toBeUndefined();
    await recordCheck(
      ctx.db,
      { pageId: page, fact: 'twoFactor', value: true, evidence: 'screenshot 2' },
      null,
      AT,
    );
    const facts = (await readPageFacts(ctx.db, [page], END - YEAR, END)).get(page);
    expect(facts).toMatchObject({
      twoFactor: true,
      sources: { twoFactor: { source: 'manual', at: AT, evidence: 'screenshot 2' } },
    });
  });

  it('refuse an export without an ОГРН column', async () => {
    const report = await importGospublikiExport(ctx.db, grid('Название;Подключено\nШкола;да\n'), {
      by: null,
      at: AT,
      file: 'x.csv',
    });
    expect(report.problems[0]).toEqual({ row: 1, field: 'file', key: 'no_ogrn_column' });
  });

  it('refuse an unknown fact or an out-of-range value, naming the field', async () => {
    const page = pageIds[0] as number;
    await expect(
      recordCheck(ctx.db, { pageId: page, fact: 'mood', value: 1 }, null, AT),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'fact' }],
    });
    await expect(
      recordCheck(ctx.db, { pageId: page, fact: 'feedbackWidgets', value: 3 }, null, AT),
    ).rejects.toBeInstanceOf(AppError);
  });
});
