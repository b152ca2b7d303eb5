import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { loadWorld } from '../collect/index.ts';
import { loadVersion } from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { COUNTRY } from '../platform/scope.ts';
import { listAuditTargets } from '../registry/index.ts';
import { generateWorld, worldEnd, writeWorld } from '../vk-sim/index.ts';
import { loadArtifacts } from './artifacts.ts';
import { diffRuns } from './audit-diff.service.ts';
import { runAudit } from './audit-run.service.ts';
import { calibrate } from './calibrate.service.ts';
import type { RuleOutcome } from './evaluate.ts';
import { pageReport } from './page-report.service.ts';
import { recommend } from './recommend.ts';

const DAY = 86_400;
const params = { institutions: 300, regions: 3, seed: 9, asOf: '2026-11-29', days: 120 };
const world = generateWorld(params);
const end = worldEnd(world.meta);
const period = { start: end - 30 * DAY, end };

async function results(db: Db, runId: number) {
  return db.kysely
    .selectFrom('audit_page_results')
    .select(['page_id', 'total', 'level', 'categories_json', 'results_json'])
    .where('run_id', '=', runId)
    .orderBy('page_id')
    .execute();
}

describeEachDialect('audit runs', (ctx) => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    writeWorld(dir, world);
  });

  it('judge every page, store results per page, the non-passed rules and the counts, and close the run', async () => {
    await loadWorld(ctx.db, dir);
    const version = loadVersion('2023.1');
    const summary = await runAudit(ctx.db, { version, period, workers: 1 });
    expect(summary.pages).toBe(world.communities.length);
    expect(Object.values(summary.levels).reduce((s, n) => s + n, 0)).toBe(summary.pages);
    expect(summary.errors).toBe(0);
    const run = await ctx.db.kysely
      .selectFrom('audit_runs')
      .selectAll()
      .where('id', '=', summary.runId)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'done', pages_done: summary.pages, methodology_hash: version.hash });
    const rows = await results(ctx.db, summary.runId);
    expect(rows).toHaveLength(summary.pages);
    const first = JSON.parse(rows[0]?.results_json ?? '{}');
    expect(Object.keys(first)).toHaveLength(version.rules.length);
    const failed = await ctx.db.kysely
      .selectFrom('audit_rule_results')
      .select(['status'])
      .where('run_id', '=', summary.runId)
      .execute();
    expect(failed.every((r) => ['fail', 'warn', 'error'].includes(r.status))).toBe(true);
    const counts = await ctx.db.kysely
      .selectFrom('audit_rule_stats')
      .select((eb) => [
        eb.fn.sum<number>('n_pass').as('pass'),
        eb.fn.sum<number>('n_fail').as('fail'),
        eb.fn.sum<number>('n_warn').as('warn'),
      ])
      .where('run_id', '=', summary.runId)
      .where('rule_id', '=', 'state-mark')
      .executeTakeFirstOrThrow();
    const marked = world.communities.filter((c) => c.gov_mark).length;
    expect(Number(counts.pass)).toBe(marked);
  });

  it('give the same results in worker threads as in one thread', async () => {
    if (ctx.url === ':memory:') return;
    await loadWorld(ctx.db, dir);
    const version = loadVersion('2023.1');
    const single = await runAudit(ctx.db, { version, period, workers: 1 });
    const threaded = await runAudit(ctx.db, { version, period, workers: 2, batchSize: 50 });
    expect(threaded.levels).toEqual(single.levels);
    const strip = (rows: Awaited<ReturnType<typeof results>>) =>
      rows.map(({ page_id, total, level, results_json }) => ({ page_id, total, level, results_json }));
    expect(strip(await results(ctx.db, threaded.runId))).toEqual(strip(await results(ctx.db, single.runId)));
    const peers = async (runId: number) =>
      ctx.db.kysely
        .selectFrom('audit_peer_stats')
        .select(['region_code', 'kind', 'rule_id', 'n', 'quantiles_json'])
        .where('run_id', '=', runId)
        .orderBy('region_code')
        .orderBy('kind')
        .orderBy('rule_id')
        .execute();
    expect(await peers(threaded.runId)).toEqual(await peers(single.runId));
  });

  it('re-audit stored snapshots under another version, and diff the runs', async () => {
    await loadWorld(ctx.db, dir);
    const a = await runAudit(ctx.db, { version: loadVersion('2023.1'), period, workers: 1 });
    const b = await runAudit(ctx.db, { version: loadVersion('svetofor'), period, workers: 1 });
    expect(Object.keys(b.levels).every((l) => ['green', 'yellow', 'red'].includes(l))).toBe(true);
    const diff = await diffRuns(ctx.db, a.runId, b.runId);
    expect(diff.versions).toEqual(['2023.1', 'svetofor']);
    expect(diff.changedPages).toBe(world.communities.length);
    expect(diff.rules.length).toBeGreaterThan(0);
  });

  it('audit one region only', async () => {
    await loadWorld(ctx.db, dir);
    const region = world.meta.regionCodes[0] ?? '';
    const pages = world.communities.filter(
      (c) => world.institutions.find((i) => i.inn === c.inn)?.region_code === region,
    ).length;
    const summary = await runAudit(ctx.db, {
      version: loadVersion('2023.1'),
      period,
      regionCode: region,
      workers: 1,
    });
    expect(summary.pages).toBe(pages);
  });

  it('refuse a published version whose content changed, and mark a run left running as failed', async () => {
    const version = loadVersion('2023.1');
    await runAudit(ctx.db, { version, period, workers: 1 });
    await expect(
      runAudit(ctx.db, { version: { ...version, hash: 'changed' }, period }),
    ).rejects.toBeInstanceOf(AppError);
    const stale = await ctx.db.kysely
      .insertInto('audit_runs')
      .values({
        methodology_version: '2023.1',
        methodology_hash: version.hash,
        period_start: 0,
        period_end: 1,
        scope: 'all',
        status: 'running',
        started_at: 1,
        pages_total: 10,
        pages_done: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await runAudit(ctx.db, { version, period, workers: 1 });
    const row = await ctx.db.kysely
      .selectFrom('audit_runs')
      .select(['status'])
      .where('id', '=', stale.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
  });

  it("give a page's report card from the stored run: scores, percentiles and recommendations", async () => {
    await loadWorld(ctx.db, dir);
    const run = await runAudit(ctx.db, { version: loadVersion('2023.1'), period, workers: 1 });
    const worst = await ctx.db.kysely
      .selectFrom('audit_page_results')
      .select(['page_id', 'total', 'level'])
      .where('run_id', '=', run.runId)
      .orderBy('total')
      .executeTakeFirstOrThrow();
    const report = await pageReport(ctx.db, COUNTRY, worst.page_id, 'en');
    expect(report).toMatchObject({
      runId: run.runId,
      total: worst.total,
      level: worst.level,
      version: '2023.1',
    });
    expect(report.categories).toHaveLength(7);
    expect(report.rules).toHaveLength(35);
    expect(report.recommendations.length).toBeGreaterThan(0);
    expect(report.recommendations[0]?.text).not.toMatch(/\{\w+\}/);
    for (const r of report.rules) if (r.percentile !== null) expect(r.percentile).toBeGreaterThanOrEqual(0);
    expect(report.rules.some((r) => r.percentile !== null)).toBe(true);
    // A comparison needs peers: in a group (region and kind) of fewer than 5 pages no rule says where it stands.
    const own = await ctx.db.kysely
      .selectFrom('audit_page_results')
      .select(['region_code', 'kind'])
      .where('run_id', '=', run.runId)
      .where('page_id', '=', worst.page_id)
      .executeTakeFirstOrThrow();
    await ctx.db.kysely
      .updateTable('audit_peer_stats')
      .set({ n: 4 })
      .where('run_id', '=', run.runId)
      .where('region_code', '=', own.region_code ?? '-')
      .where('kind', '=', own.kind ?? '-')
      .execute();
    const alone = await pageReport(ctx.db, COUNTRY, worst.page_id, 'en');
    expect(alone.rules.filter((r) => r.percentile !== null || r.peers)).toEqual([]);
    await expect(pageReport(ctx.db, COUNTRY, worst.page_id, 'en', run.runId + 100)).rejects.toThrow(
      /no finished audit/,
    );
  });

  it('leave deleted posts out of what rules see', async () => {
    await loadWorld(ctx.db, dir);
    const post = await ctx.db.kysely
      .selectFrom('posts')
      .select(['id', 'page_id', 'vk_id'])
      .where('posted_at', '>=', period.start)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const targets = (await listAuditTargets(ctx.db)).filter((t) => t.id === post.page_id);
    const before = await loadArtifacts(ctx.db, targets, period);
    expect(before[0]?.posts.map((p) => p.vkId)).toContain(post.vk_id);
    await ctx.db.kysely.updateTable('posts').set({ is_deleted: 1 }).where('id', '=', post.id).execute();
    const after = await loadArtifacts(ctx.db, targets, period);
    expect(after[0]?.posts.map((p) => p.vkId)).not.toContain(post.vk_id);
    expect(after[0]?.posts.length).toBe((before[0]?.posts.length ?? 0) - 1);
  });

  it('propose curve control points from a run', async () => {
    await loadWorld(ctx.db, dir);
    const run = await runAudit(ctx.db, { version: loadVersion('2023.1'), period, workers: 1 });
    const proposal = await calibrate(ctx.db, run.runId);
    expect(proposal.rules.map((r) => r.rule).sort()).toEqual(['discussion', 'er-views']);
    for (const r of proposal.rules) expect(r.proposed.p10).toBeLessThan(r.proposed.median);
  });
});

describe('recommendations', () => {
  it('put critical rules first and fill the template with the evidence, in both languages', () => {
    const version = loadVersion('2023.1');
    const outcomes: RuleOutcome[] = [
      { id: 'cover', status: 'fail' as const, value: 0, score: 0, evidence: [], vars: {} },
      {
        id: 'last-post',
        status: 'fail' as const,
        value: 19,
        score: 0,
        evidence: [],
        vars: { days: 19, date: '2026-11-09', threshold: 7 },
      },
      { id: 'state-mark', status: 'fail' as const, value: 0, score: 0, evidence: [], vars: {} },
      {
        id: 'polls',
        status: 'fail' as const,
        value: 0,
        score: 0,
        evidence: [],
        vars: { rate: 0, threshold: 1, count: 0 },
      },
      { id: 'avatar', status: 'pass' as const, value: 1, score: 1, evidence: [], vars: {} },
    ];
    const ru = recommend(version, outcomes, 'ru', Date.parse('2026-11-29T00:00:00Z') / 1000);
    expect(ru.map((r) => r.ruleId)).toEqual(['state-mark', 'last-post', 'polls', 'cover']);
    expect(ru[1]?.text).toBe(
      'Последний пост был 19 дней назад (9 ноября 2026 г.); публикуйте хотя бы раз в 7 дней.',
    );
    expect(ru[2]?.text).toContain('«Как провести каникулы с пользой?»');
    expect(ru[0]?.section).toBe('methodology/2023.1#identity');
    const en = recommend(version, outcomes, 'en', Date.parse('2026-11-29T00:00:00Z') / 1000);
    expect(en[1]?.text).toBe(
      'The last post was 19 days ago (9 November 2026); post at least once every 7 days.',
    );
  });
});
