// OK and MAX collection as resumable jobs, on both dialects: a run aborted at a page checkpoint (as a killed
// worker's job is) is retried under the same job id, skips the pages already done and ends with exactly the
// world's topics, comments and posts; nothing is stored twice.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import {
  csvText,
  innFor,
  schoolInstitutions,
  schoolLine,
  virtualClock,
  writeFile,
} from '../../test/factories.ts';
import { buildMaxSim, buildOkSim, generateNetWorld, type MaxSim, type OkSim } from '../net-sim/index.ts';
import type { Job } from '../platform/jobs/index.ts';
import { importRegistryFile } from '../registry/index.ts';
import {
  NET_COLLECT,
  type NetCollectConfig,
  type NetCollectData,
  runNetCollect,
} from './net-collect-jobs.ts';

const N = 30;
const DAYS = 45;
const world = generateNetWorld(schoolInstitutions(N), {
  seed: 11,
  asOf: '2026-11-29',
  days: DAYS,
  okShare: 0.8,
  maxShare: 0.6,
});
const okRegistered = world.ok.filter((g) => g.registry_url);
const maxRegistered = world.max.filter((c) => c.registry_url);
const clock = virtualClock(world.asOfMs);
const APP = { key: 'KEY', secret: 'SECRET' };

let ok: OkSim;
let max: MaxSim;
let config: Omit<NetCollectConfig, 'onCheckpoint'>;
beforeAll(async () => {
  ok = await buildOkSim({ world, app: APP, now: clock.now, tokens: [{ token: 'tok', perSecond: 5 }] });
  max = await buildMaxSim({ world, now: clock.now, bots: [{ token: 'bot', userId: 1, channels: 'all' }] });
  config = {
    ok: {
      baseUrl: await ok.app.listen({ port: 0, host: '127.0.0.1' }),
      applicationKey: APP.key,
      applicationSecretKey: APP.secret,
      accessToken: 'tok',
      perSecond: 5,
    },
    max: { baseUrl: await max.app.listen({ port: 0, host: '127.0.0.1' }), token: 'bot', perSecond: 30 },
    ...clock,
  };
});
afterAll(async () => {
  await Promise.all([ok.app.close(), max.app.close()]);
});

function job(id: string, data: NetCollectData, retryCount = 0): Job<NetCollectData> {
  return { id, queue: NET_COLLECT, data, retryCount, progress: async () => {} };
}

/** Runs the job, aborting at the n-th page checkpoint; then runs it again under the same id (the retry). */
async function killAndResume(db: Parameters<typeof runNetCollect>[0], network: 'ok' | 'max', n: number) {
  const id = `${network}-${clock.now()}`;
  const data = { network, windowDays: DAYS + 1 };
  let passed = 0;
  const aborting: NetCollectConfig = {
    ...config,
    onCheckpoint: () => {
      if (++passed === n) throw new Error('killed at a checkpoint');
    },
  };
  await expect(runNetCollect(db, aborting, job(id, data))).rejects.toThrow('killed');
  return runNetCollect(db, config, job(id, data, 1));
}

describeEachDialect('OK and MAX collection jobs', (ctx) => {
  beforeEach(async () => {
    await clock.sleep(2000);
    const lines = Array.from({ length: N }, (_, i) => {
      const inn = innFor(i + 1);
      return schoolLine(i + 1, {
        ok_url: world.ok.find((g) => g.inn === inn)?.registry_url ?? '',
        max_url: world.max.find((c) => c.inn === inn)?.registry_url ?? '',
      });
    });
    await importRegistryFile(ctx.db, writeFile(tempDir(), 'r.csv', csvText(lines)));
  });

  it('resumes a killed OK run at its checkpoint and ends with exactly the world’s topics and comments', async () => {
    expect(okRegistered.length).toBeGreaterThan(10);
    const resumed = await killAndResume(ctx.db, 'ok', 7);
    // The retry did only the pages the first attempt had not finished.
    expect(resumed).toMatchObject({ pages: okRegistered.length - 7, failed: 0 });
    const posts = await ctx.db.kysely
      .selectFrom('posts')
      .innerJoin('pages', 'pages.id', 'posts.page_id')
      .select(['posts.vk_id', 'posts.likes'])
      .where('pages.platform', '=', 'ok')
      .execute();
    const topics = okRegistered.flatMap((g) => g.topics);
    expect(posts.map((p) => String(p.vk_id)).sort()).toEqual(topics.map((x) => x.id).sort());
    expect(posts.reduce((s, p) => s + p.likes, 0)).toBe(topics.reduce((s, x) => s + x.likes, 0));
    const comments = await ctx.db.kysely
      .selectFrom('comments')
      .innerJoin('pages', 'pages.id', 'comments.page_id')
      .select('comments.vk_id')
      .where('pages.platform', '=', 'ok')
      .execute();
    expect(comments).toHaveLength(topics.reduce((s, x) => s + x.comments.length, 0));
    const pages = await ctx.db.kysely
      .selectFrom('pages')
      .select(['last_collected_at'])
      .where('platform', '=', 'ok')
      .execute();
    expect(pages.every((p) => p.last_collected_at !== null)).toBe(true);
  });

  it('resumes a killed MAX run at its checkpoint and ends with exactly the world’s posts', async () => {
    expect(maxRegistered.length).toBeGreaterThan(5);
    const resumed = await killAndResume(ctx.db, 'max', 3);
    expect(resumed).toMatchObject({ pages: maxRegistered.length - 3, failed: 0, notAdmin: 0 });
    const rows = await ctx.db.kysely
      .selectFrom('posts')
      .innerJoin('pages', 'pages.id', 'posts.page_id')
      .select(['posts.views'])
      .where('pages.platform', '=', 'max')
      .execute();
    const messages = maxRegistered.flatMap((c) => c.messages);
    expect(rows).toHaveLength(messages.length);
    expect(rows.reduce((s, r) => s + r.views, 0)).toBe(messages.reduce((s, m) => s + m.views, 0));
  });

  it('refuses a job for a network it does not know, naming the job', async () => {
    await expect(runNetCollect(ctx.db, config, job('bad-1', { network: 'tg' as 'ok' }))).rejects.toThrow(
      /net\.collect job bad-1: network must be/,
    );
  });
});
