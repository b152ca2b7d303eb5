// A demo world with VK communities, OK groups and MAX channels collected from the three simulators over HTTP,
// on both dialects: one whole collection ends with exactly the world's posts and comments on each network;
// then the collecting process is killed with SIGKILL at seeded points spread over the three networks' work
// (mid-VK, mid-OK, mid-MAX, at commits), and a second run resumes (the OK and MAX jobs under their ids,
// from their checkpoints) and ends with the same data: nothing missing, nothing stored twice.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoNetWorld, netUrls } from '../../src/cli/demo-networks.ts';
import { buildMaxSim, buildOkSim, type MaxSim, type OkSim } from '../../src/net-sim/index.ts';
import { type CrashPoint, countCrashPoints } from '../../src/platform/crash-points.ts';
import type { Db } from '../../src/platform/db.ts';
import { importRegistryFile } from '../../src/registry/index.ts';
import {
  buildVkSim,
  generateWorld,
  readWorld,
  type VkSim,
  WORLD_FILES,
  writeWorld,
} from '../../src/vk-sim/index.ts';
import { Rng } from '../../src/vk-sim/world/rng.ts';
import { type Keys, storedKeys, worldKeys } from '../collected.ts';
import { describeEachDialect, tempDir } from '../db.ts';
import {
  collectThree,
  THREE_MAX_BOT,
  THREE_OK,
  THREE_PER_SECOND,
  THREE_TOKENS,
  type ThreeNetworks,
} from '../three-networks.ts';

const AS_OF = '2026-11-29';
const DAYS = 30;
const world = generateWorld({ institutions: 40, regions: 1, seed: 23, asOf: AS_OF, days: DAYS });
const net = demoNetWorld(world.institutions, 23, AS_OF, DAYS);
const QUOTA = { 'wall.get': 1e6, 'wall.getComments': 1e6, 'wall.getById': 1e6 };

let dir: string;
let vk: VkSim;
let ok: OkSim;
let max: MaxSim;
const urls = { vk: '', ok: '', max: '' };

beforeAll(async () => {
  dir = tempDir();
  writeWorld(dir, world, netUrls(net));
  vk = await buildVkSim({
    world: readWorld(dir),
    tokens: THREE_TOKENS.map((t) => ({ ...t, dailyQuota: QUOTA })),
  });
  ok = await buildOkSim({
    world: net,
    app: { key: THREE_OK.key, secret: THREE_OK.secret },
    tokens: [{ token: THREE_OK.token, perSecond: THREE_PER_SECOND }],
  });
  max = await buildMaxSim({
    world: net,
    bots: [{ token: THREE_MAX_BOT, userId: 1, channels: 'all', perSecond: THREE_PER_SECOND }],
  });
  urls.vk = await vk.app.listen({ port: 0, host: '127.0.0.1' });
  urls.ok = await ok.app.listen({ port: 0, host: '127.0.0.1' });
  urls.max = await max.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await Promise.all([vk.app.close(), ok.app.close(), max.app.close()]);
});

/** What the world holds on each network, as "page_item" keys (the registry's pages only). */
function expected(): Record<'vk' | 'ok' | 'max', Keys> {
  const groups = net.ok.filter((g) => g.registry_url);
  const channels = net.max.filter((c) => c.registry_url);
  const sorted = (keys: string[]) => [...keys].sort();
  return {
    vk: worldKeys(world),
    ok: {
      posts: sorted(groups.flatMap((g) => g.topics.map((t) => `${Number(g.uid)}_${Number(t.id)}`))),
      comments: sorted(
        groups.flatMap((g) =>
          g.topics.flatMap((t) => t.comments.map((c) => `${Number(g.uid)}_${Number(c.id)}`)),
        ),
      ),
    },
    max: {
      posts: sorted(channels.flatMap((c) => c.messages.map((m) => `${c.chat_id}_${m.seq}`))),
      comments: [],
    },
  };
}

async function stored(db: Db) {
  return {
    vk: await storedKeys(db, 'vk'),
    ok: await storedKeys(db, 'ok'),
    max: await storedKeys(db, 'max'),
  };
}

/** Back to the registry alone: nothing collected. */
async function forget(db: Db) {
  await db.kysely.deleteFrom('comments').execute();
  await db.kysely.deleteFrom('posts').execute();
  await db.kysely.updateTable('pages').set({ last_collected_at: null }).execute();
}

const run = (jobs: ThreeNetworks['jobs']): ThreeNetworks => ({ ...urls, asOf: AS_OF, jobs });

/** The collection in its own process, told to kill itself at the point; the signal it died of. */
function child(dbUrl: string, three: ThreeNetworks, crashAt?: string) {
  const { PUBLICA_CRASH_AT: _, ...inherited } = process.env;
  const env = { ...inherited, PUBLICA_LANG: 'en', ...(crashAt ? { PUBLICA_CRASH_AT: crashAt } : {}) };
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/three-networks-child.ts', dbUrl, JSON.stringify(three)],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => {
    out += String(d);
  });
  proc.stderr.on('data', (d) => {
    err += String(d);
  });
  return new Promise<{ signal: NodeJS.Signals | null; code: number | null; out: string; err: string }>(
    (resolve) => proc.once('close', (code, signal) => resolve({ signal, code, out, err })),
  );
}

const POINTS: CrashPoint[] = [
  'collect.after-page',
  'networks.after-page',
  'db.after-commit',
  'db.before-commit',
];

describeEachDialect('VK, OK and MAX collected, killed with SIGKILL and resumed', (ctx) => {
  it("ends with exactly the world's data on each network, after a kill at any of 5 seeded points", async () => {
    await importRegistryFile(ctx.db, path.join(dir, WORLD_FILES.registry));
    const platforms = await ctx.db.kysely
      .selectFrom('pages')
      .select(({ fn }) => ['platform', fn.countAll<number>().as('n')])
      .groupBy('platform')
      .execute();
    const byPlatform = Object.fromEntries(platforms.map((p) => [p.platform, Number(p.n)]));
    const okPages = net.ok.filter((g) => g.registry_url).length;
    const maxPages = net.max.filter((c) => c.registry_url).length;
    expect(byPlatform).toMatchObject({ ok: okPages, max: maxPages });
    expect(byPlatform.vk).toBeGreaterThan(20);
    const want = expected();
    expect(want.ok.comments.length).toBeGreaterThan(0);
    expect(want.max.posts.length).toBeGreaterThan(0);

    // One whole collection in this process, counting how often it passes each point.
    const counting = countCrashPoints();
    await collectThree(ctx.db, run({ ok: 'count-ok', max: 'count-max' }));
    const counts = new Map(counting);
    expect(await stored(ctx.db)).toEqual(want);
    // networks.after-page passes once a page: OK's pages first, then MAX's.
    expect(counts.get('networks.after-page')).toBe(okPages + maxPages);

    const rng = new Rng(2026);
    const kills: { point: CrashPoint; n: number }[] = [
      { point: 'collect.after-page', n: rng.int(1, (counts.get('collect.after-page') ?? 2) - 1) },
      { point: 'networks.after-page', n: rng.int(1, okPages - 1) },
      { point: 'networks.after-page', n: okPages + rng.int(1, maxPages - 1) },
      ...[1, 2].map(() => {
        const point = POINTS[rng.int(0, POINTS.length - 1)] as CrashPoint;
        return { point, n: rng.int(1, Math.max(1, Math.floor((counts.get(point) ?? 1) * 0.9))) };
      }),
    ];
    for (const [i, kill] of kills.entries()) {
      await forget(ctx.db);
      const where = `kill ${i} at ${kill.point}:${kill.n}`;
      const jobs = { ok: `ok-${i}`, max: `max-${i}` };
      const killed = await child(ctx.url, run(jobs), `${kill.point}:${kill.n}`);
      expect(killed.signal, `${where}: ${killed.err}`).toBe('SIGKILL');
      const partial = await stored(ctx.db);
      expect(partial, where).not.toEqual(want);
      // The second run: the same job ids, so the OK and MAX jobs resume where they stopped.
      const summary = await collectThree(ctx.db, run(jobs));
      expect(await stored(ctx.db), where).toEqual(want);
      if (kill.point === 'networks.after-page') {
        // The resumed job skipped the pages its killed run had finished.
        if (kill.n < okPages) expect(summary.ok.pages, where).toBe(okPages - kill.n);
        else expect(summary.max.pages, where).toBe(maxPages - (kill.n - okPages));
      }
      const running = await ctx.db.kysely
        .selectFrom('collection_runs')
        .select('id')
        .where('status', '=', 'running')
        .execute();
      expect(running, `${where}: the killed VK run is marked failed, none is left running`).toEqual([]);
    }
  }, 600_000);
});
