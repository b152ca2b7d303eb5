// The embedded default: one `publica serve` process on SQLite runs web, workers and scheduler with the
// database job queue. Killed with SIGKILL in the middle of a queued collection and started again, it finishes
// the collection and the audit that follows: every post of the world stored once, nothing lost.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/platform/db.ts';
import { generateWorld, wallOf, writeWorld } from '../../src/vk-sim/index.ts';
import { tempDir } from '../db.ts';
import { type Proc, runPublica, startPublica, stopAll, urlOf } from './processes.ts';

const AT = '2026-11-29';
const world = generateWorld({ institutions: 900, regions: 2, seed: 5, asOf: AT, days: 30 });
const readable = world.communities.filter(
  (c) => c.registry_url !== null && !c.deactivated && c.is_closed === 0,
);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('embedded: one process on SQLite, killed and restarted mid-collection', () => {
  const dir = tempDir('publica-embedded-');
  const dbFile = path.join(dir, 'publica.db');
  const procs: Proc[] = [];
  let env: Record<string, string> = {};

  beforeAll(async () => {
    writeWorld(dir, world);
    // A slow token, so the kill lands while the collection runs.
    const sim = startPublica(['vk-sim', '--world', dir, '--port', '0', '--token', 'user:emb:15'], {});
    procs.push(sim);
    env = {
      PUBLICA_DB: dbFile,
      PUBLICA_VK_URL: await urlOf(sim),
      PUBLICA_VK_TOKENS: 'user:emb:15',
      PUBLICA_SHARD_PAGES: '40',
      PUBLICA_JOB_POLL_SECONDS: '0.5',
      PUBLICA_SHARD_EXPIRE_SECONDS: '5',
      PUBLICA_LEASE_TTL_SECONDS: '3',
      PUBLICA_LOG_LEVEL: 'warn',
    };
    await runPublica(['import', 'registry', path.join(dir, 'registry.csv')], env);
  }, 120_000);

  afterAll(async () => {
    await stopAll(procs);
  });

  it('finishes the collection and its audit after a restart', async () => {
    const first = startPublica(['serve', '--port', '0'], env);
    procs.push(first);
    const url = await urlOf(first);
    await runPublica(['jobs', 'enqueue', 'collect', '--period', '30d', '--at', AT], env);
    const db = openDb(dbFile);
    try {
      const progress = async () =>
        db.kysely
          .selectFrom('collection_runs')
          .select(['pages_done', 'pages_total', 'status'])
          .executeTakeFirst();
      for (const end = Date.now() + 60_000; Date.now() < end; await sleep(100)) {
        const run = await progress();
        if (run && run.pages_done > 0) break;
      }
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/publica_jobs\{[^}]*queue="collect.shard"/);
      first.child.kill('SIGKILL');
      await first.exited;
      const atKill = await progress();
      expect(atKill?.status).toBe('running');
      expect(atKill?.pages_done).toBeLessThan(atKill?.pages_total ?? 0);

      const second = startPublica(['serve', '--port', '0'], env);
      procs.push(second);
      let audit: { status: string } | undefined;
      for (const end = Date.now() + 240_000; Date.now() < end; await sleep(500)) {
        audit = await db.kysely.selectFrom('audit_runs').select('status').executeTakeFirst();
        if (audit && audit.status !== 'running') break;
      }
      expect(audit?.status, second.output()).toBe('done');
      const posts = await db.kysely
        .selectFrom('posts')
        .innerJoin('pages', 'pages.id', 'posts.page_id')
        .select(['pages.external_id', 'posts.vk_id'])
        .execute();
      const stored = posts.map((p) => `${p.external_id}_${p.vk_id}`).sort();
      const expected = readable
        .flatMap((c) => wallOf(c, world.meta).posts.map((p) => `${c.id}_${p.id}`))
        .sort();
      expect(stored).toEqual(expected);
      const retried = await db.kysely
        .selectFrom('jobs')
        .select('id')
        .where('queue', '=', 'collect.shard')
        .where('retry_count', '>', 0)
        .execute();
      expect(retried.length).toBeGreaterThan(0);
      const [collection] = await db.kysely.selectFrom('collection_runs').select('status').execute();
      expect(collection?.status).toBe('done');
    } finally {
      await db.close();
    }
  }, 360_000);
});
