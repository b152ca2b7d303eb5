// Scale-out on PostgreSQL with real processes: 2 web and 3 worker processes, one simulated VK with 3 tokens,
// a 2,500-page world (it was 5,000; halved so the suite fits CI beside this round's e2e). A full collection and
// audit through the job queue stores every post exactly once, keeps every token under its limits, survives one
// worker killed with SIGKILL mid-run, and ends with the same data and audit results as a one-process
// `publica collect` + `publica audit` of the same world.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseHolder } from '../../src/vk/index.ts';
import { generateWorld, wallOf, writeWorld } from '../../src/vk-sim/index.ts';
import { tempDir } from '../db.ts';
import { withDatabase } from '../pg-env.ts';
import { type Proc, runPublica, startPublica, stopAll, urlOf } from './processes.ts';

const pgUrl = inject('pgUrl');
const AT = '2026-11-29';
const world = generateWorld({ institutions: 3_550, regions: 3, seed: 77, asOf: AT, days: 30 });
const readable = world.communities.filter(
  (c) => c.registry_url !== null && !c.deactivated && c.is_closed === 0,
);
const TOKENS = ['mp-1', 'mp-2', 'mp-3'];
const PER_SECOND = 60;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!pgUrl)('scale-out: 2 web + 3 worker processes on one PostgreSQL', () => {
  const dir = tempDir('publica-scale-');
  const names = { single: `publica_mp_single_${process.pid}`, dist: `publica_mp_dist_${process.pid}` };
  const urls = { single: '', dist: '' };
  const procs: Proc[] = [];
  let vkUrl = '';
  let admin: pg.Client;

  const query = async <R extends object>(db: 'single' | 'dist', text: string) => {
    const client = new pg.Client({ connectionString: urls[db] });
    await client.connect();
    try {
      return (await client.query<R>(text)).rows;
    } finally {
      await client.end();
    }
  };

  const simStats = async () =>
    (await (await fetch(`${vkUrl}/admin/stats`)).json()) as {
      calls: Record<string, number>;
      tooFast: Record<string, number>;
      overQuota: Record<string, number>;
    };

  beforeAll(async () => {
    writeWorld(dir, world);
    const quota = { 'wall.get': 1e6, 'wall.getComments': 1e6, execute: 1e6 };
    const tokenFile = path.join(dir, 'tokens.json');
    fs.writeFileSync(
      tokenFile,
      JSON.stringify(
        TOKENS.map((token) => ({ token, kind: 'user', perSecond: PER_SECOND, dailyQuota: quota })),
      ),
    );
    const sim = startPublica(['vk-sim', '--world', dir, '--port', '0', '--tokens', tokenFile], {});
    procs.push(sim);
    vkUrl = await urlOf(sim);
    admin = new pg.Client({ connectionString: pgUrl as string });
    await admin.connect();
    for (const name of Object.values(names)) {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
    urls.single = withDatabase(pgUrl as string, names.single);
    urls.dist = withDatabase(pgUrl as string, names.dist);
    for (const url of Object.values(urls))
      await runPublica(['import', 'registry', path.join(dir, 'registry.csv')], { PUBLICA_DB: url });
  }, 180_000);

  afterAll(async () => {
    await stopAll(procs);
    for (const name of Object.values(names))
      await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('one process: the reference collection and audit', async () => {
    await runPublica(
      ['collect', '--vk', vkUrl, ...TOKENS.flatMap((t) => ['--token', `user:${t}:${PER_SECOND}`])],
      { PUBLICA_DB: urls.single },
    );
    await runPublica(['audit', '--period', '30d', '--at', AT], { PUBLICA_DB: urls.single });
    expect((await simStats()).tooFast).toEqual({});
  }, 300_000);

  it('many processes: same data and results, a worker killed mid-run changes nothing', async () => {
    const env = {
      PUBLICA_DB: urls.dist,
      PUBLICA_VK_URL: vkUrl,
      PUBLICA_VK_TOKENS: TOKENS.map((t) => `user:${t}:${PER_SECOND}`).join(','),
      PUBLICA_SHARD_PAGES: '100',
      PUBLICA_AUDIT_SHARD_PAGES: '400',
      PUBLICA_JOB_POLL_SECONDS: '0.5',
      PUBLICA_JOB_MAINTENANCE_SECONDS: '1',
      PUBLICA_SHARD_EXPIRE_SECONDS: '20',
      PUBLICA_LEASE_TTL_SECONDS: '6',
      PUBLICA_LOG_LEVEL: 'warn',
    };
    const webs = [0, 1].map(() => startPublica(['serve', '--role', 'web', '--port', '0'], env));
    const workers = [0, 1, 2].map(() => startPublica(['serve', '--role', 'worker'], env));
    procs.push(...webs, ...workers);
    const webUrls = await Promise.all(webs.map((w) => urlOf(w)));
    await sleep(2000);
    await runPublica(['jobs', 'enqueue', 'collect', '--period', '30d', '--at', AT], env);

    // Once the collection is under way, kill a worker in the middle of a shard: one holding a token lease.
    let killedAt = -1;
    let victim: Proc | undefined;
    for (const end = Date.now() + 120_000; Date.now() < end; await sleep(100)) {
      const [run] = await query<{ pages_done: number; pages_total: number }>(
        'dist',
        'select pages_done, pages_total from collection_runs order by id desc limit 1',
      );
      if (!run || run.pages_done < run.pages_total * 0.2) continue;
      const holders = await query<{ holder: string }>(
        'dist',
        `select holder from vk_token_leases where expires_at > ${Date.now() + 2000}`,
      );
      const pids = new Set(holders.map((h) => parseHolder(h.holder)?.pid));
      victim = workers.find((w) => pids.has(w.child.pid ?? -1));
      if (!victim) continue;
      expect(run.pages_done).toBeLessThan(run.pages_total);
      killedAt = run.pages_done;
      victim.child.kill('SIGKILL');
      break;
    }
    expect(killedAt).toBeGreaterThan(0);
    let audit: { status: string } | undefined;
    for (const end = Date.now() + 300_000; Date.now() < end; await sleep(500)) {
      [audit] = await query<{ status: string }>(
        'dist',
        'select status from audit_runs order by id desc limit 1',
      );
      if (audit && audit.status !== 'running') break;
    }
    expect(audit?.status, workers.map((w) => w.output()).join('\n')).toBe('done');

    // Every post and comment of the world, each exactly once.
    const keys = async (db: 'single' | 'dist', table: 'posts' | 'comments') =>
      (
        await query<{ k: string }>(
          db,
          `select p.external_id || '_' || x.vk_id as k from ${table} x join pages p on p.id = x.page_id
           ${table === 'comments' ? 'where x.is_deleted = 0' : ''} order by 1`,
        )
      ).map((r) => r.k);
    const worldPosts = readable
      .flatMap((c) => wallOf(c, world.meta).posts.map((p) => `${c.id}_${p.id}`))
      .sort();
    const distPosts = await keys('dist', 'posts');
    expect(distPosts.length).toBe(worldPosts.length);
    expect(distPosts).toEqual(await keys('single', 'posts'));
    expect(new Set(distPosts)).toEqual(new Set(worldPosts));
    expect(await keys('dist', 'comments')).toEqual(await keys('single', 'comments'));

    // No token went over its rate or its day's budget, as VK saw it and as Publica counted it.
    const stats = await simStats();
    expect(stats.tooFast).toEqual({});
    expect(stats.overQuota).toEqual({});
    const usage = await query<{ calls: number }>(
      'dist',
      "select calls from vk_token_usage where method = 'wall.get'",
    );
    expect(usage.length).toBe(TOKENS.length);
    for (const u of usage) expect(u.calls).toBeLessThanOrEqual(5000);

    // The killed worker's shard was taken over: its job ran again.
    const retried = await query<{ n: number }>(
      'dist',
      "select count(*)::int as n from pgboss.job where name = 'collect.shard' and retry_count > 0",
    );
    expect(retried[0]?.n).toBeGreaterThan(0);

    // The same audit results as one process.
    const results = (db: 'single' | 'dist') =>
      query<Record<string, unknown>>(
        db,
        `select p.url, r.total, r.level, r.categories_json, r.critical_failed, r.results_json, r.verified
         from audit_page_results r join pages p on p.id = r.page_id order by p.url`,
      );
    // A fact's source carries the moment it was collected (the menu read by groups.getById); the two runs
    // collect at different wall-clock times, so that moment is the one field allowed to differ.
    const withoutCollectedAt = (rows: Record<string, unknown>[]) =>
      rows.map((row) => {
        const parsed = typeof row.results_json === 'string' ? JSON.parse(row.results_json) : row.results_json;
        for (const r of Object.values(parsed as Record<string, { source?: { at?: number } }>))
          if (r.source) r.source = { ...r.source, at: undefined };
        return { ...row, results_json: JSON.stringify(parsed) };
      });
    const single = withoutCollectedAt(await results('single'));
    // Every readable page is judged (closed and deactivated ones may be too).
    expect(single.length).toBeGreaterThanOrEqual(readable.length);
    const dist = withoutCollectedAt(await results('dist'));
    // The same pages judged first, so a missing or extra page is named rather than compared with a neighbour.
    const urlsOf = (rows: Record<string, unknown>[]) => rows.map((r) => r.url as string);
    const onlyOne = urlsOf(single).filter((u) => !urlsOf(dist).includes(u));
    const onlyMany = urlsOf(dist).filter((u) => !urlsOf(single).includes(u));
    expect({ onlyOne: onlyOne.slice(0, 5), onlyMany: onlyMany.slice(0, 5) }).toEqual({
      onlyOne: [],
      onlyMany: [],
    });
    const differing = dist.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(single[i]));
    const diffOf = (a: unknown, b: unknown) => {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      // JSON columns compared key by key, so the message names the rule that differs, not the whole row.
      const parts = (v: unknown) =>
        typeof v === 'string' && v.startsWith('{') ? JSON.parse(v) : { value: v };
      return Object.keys(x)
        .filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]))
        .flatMap((k) => {
          const [p, q] = [parts(x[k]), parts(y[k])];
          return Object.keys({ ...p, ...q })
            .filter((r) => JSON.stringify(p[r]) !== JSON.stringify(q[r]))
            .map((r) => `${k}.${r}: one process ${JSON.stringify(p[r])} | many ${JSON.stringify(q[r])}`);
        })
        .join('\n');
    };
    // The message is built only for a differing page (an equal run has none to describe).
    const message =
      differing < 0 ? '' : `first differing page: ${diffOf(single[differing], dist[differing])}`;
    expect(differing, message).toBe(-1);
    expect(dist).toEqual(single);
    const peers = (db: 'single' | 'dist') =>
      query(
        db,
        'select region_code, kind, rule_id, n, mean, quantiles_json from audit_peer_stats order by 1, 2, 3',
      );
    expect(await peers('dist')).toEqual(await peers('single'));
    const ruleStats = (db: 'single' | 'dist') =>
      query(
        db,
        `select region_code, municipality_id, kind, rule_id, n_pass, n_warn, n_fail, n_na, n_manual, n_error
         from audit_rule_stats order by 1, 2, 3, 4`,
      );
    expect(await ruleStats('dist')).toEqual(await ruleStats('single'));

    // Both web processes serve the result.
    const regions = await Promise.all(
      webUrls.map(async (url) => (await fetch(`${url}/api/open/regions`)).json()),
    );
    expect(regions[0]).toEqual(regions[1]);
    const metrics = await (await fetch(`${webUrls[0]}/metrics`)).text();
    expect(metrics).toContain('publica_http_request_duration_seconds_bucket');
  }, 600_000);
});
