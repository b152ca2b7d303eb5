// Scheduled publishing across a killed process: `publica serve` publishes the first due draft and is killed
// (SIGKILL) right after VK accepted the post, before it recorded it. A new process finds the publication
// abandoned, publishes it again with the same guid — VK answers with the post it already made — and publishes
// the drafts still to come at their time. Every draft ends published, each page's wall has its post once.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '../../src/auth/index.ts';
import { loadWorld } from '../../src/collect/index.ts';
import { approveDraft, createDraft } from '../../src/planner/index.ts';
import { type Db, openDb } from '../../src/platform/db.ts';
import { migrateToLatest } from '../../src/platform/migrate.ts';
import { COUNTRY } from '../../src/platform/scope.ts';
import { newSecretKeyText, parseSecretKey, SecretBox } from '../../src/platform/secret-box.ts';
import { addVkToken } from '../../src/vk/index.ts';
import { buildVkSim, generateWorld, readWorld, type VkSim, writeWorld } from '../../src/vk-sim/index.ts';
import { tempDir } from '../db.ts';
import { startPublica, stopAll, urlOf } from '../scale/processes.ts';

const federal = { userId: null, scope: COUNTRY, permissions: permissionsOf('federal') };

describe('scheduled publishing across a killed process', () => {
  const dir = tempDir('publica-publish-restart-');
  const file = path.join(dir, 'publica.db');
  const key = newSecretKeyText();
  const box = new SecretBox(parseSecretKey(key, 'test'));
  const world = generateWorld({ institutions: 40, regions: 1, seed: 9, asOf: '2026-11-29', days: 7 });
  let db: Db;
  let sim: VkSim;
  let vkUrl: string;

  beforeAll(async () => {
    writeWorld(path.join(dir, 'world'), world);
    db = openDb(file);
    await migrateToLatest(db);
    await loadWorld(db, path.join(dir, 'world'));
    sim = await buildVkSim({
      world: readWorld(path.join(dir, 'world')),
      tokens: world.communities.map((c) => ({
        token: `community-${c.id}`,
        kind: 'community' as const,
        groupId: c.id,
      })),
    });
    vkUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => {
    await sim?.app.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes every draft once: the killed publication goes again with its guid, the rest at their time', async () => {
    const pages = await db.kysely
      .selectFrom('pages')
      .select(['id', 'external_id'])
      .where('external_id', 'is not', null)
      .orderBy('id')
      .limit(3)
      .execute();
    const live = pages.filter((p) => !world.communities.find((c) => c.id === p.external_id)?.deactivated);
    expect(live.length).toBe(3);
    const start = Math.floor(Date.now() / 1000);
    const drafts: { id: number; groupId: number; at: number }[] = [];
    for (const [i, p] of live.entries()) {
      await addVkToken(
        db,
        box,
        { label: `page-${p.id}`, token: `community-${p.external_id}`, kind: 'community', pageId: p.id },
        start,
      );
      const at = start + i * 8;
      const id = await createDraft(
        db,
        federal,
        p.id,
        { kind: 'text', title: `Пост ${i}`, text: `Запланированный пост ${i}`, content: {} },
        start,
      );
      await approveDraft(db, federal, id, start, at);
      drafts.push({ id, groupId: p.external_id as number, at });
    }
    const wallBefore = new Map(drafts.map((d) => [d.groupId, sim.world.wall(d.groupId).posts.length]));
    const env = {
      PUBLICA_VK_URL: vkUrl,
      PUBLICA_SECRET_KEY: key,
      PUBLICA_SCHEDULE_PUBLISH: '* * * * * *',
      PUBLICA_SCHEDULER_TICK_SECONDS: '0.5',
      PUBLICA_JOB_POLL_SECONDS: '0.5',
      PUBLICA_PUBLISH_STALE_SECONDS: '3',
      PUBLICA_LOG_LEVEL: 'warn',
    };
    const args = ['--db', file, 'serve', '--role', 'all', '--port', '0'];
    const first = startPublica(args, { ...env, PUBLICA_CRASH_AT: 'planner.after-post:1' });
    const code = await Promise.race([first.exited, new Promise((r) => setTimeout(() => r('alive'), 30_000))]);
    expect(code, first.output()).toBeNull(); // killed by its own SIGKILL: no exit code
    const status = async (id: number) =>
      db.kysely.selectFrom('planner_drafts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const killed = await status(drafts[0]?.id as number);
    expect(killed.status).toBe('publishing');
    expect(sim.world.wall(drafts[0]?.groupId as number).posts.length).toBe(
      (wallBefore.get(drafts[0]?.groupId as number) ?? 0) + 1,
    );

    const second = startPublica(args, env);
    try {
      await urlOf(second, 30_000);
      const deadline = Date.now() + 45_000;
      for (;;) {
        const rows = await Promise.all(drafts.map((d) => status(d.id)));
        if (rows.every((r) => r.status === 'published')) break;
        if (Date.now() > deadline)
          throw new Error(
            `not all published: ${JSON.stringify(rows.map((r) => [r.id, r.status, r.last_error]))}\n${second.output()}`,
          );
        await new Promise((r) => setTimeout(r, 300));
      }
    } finally {
      await stopAll([second]);
    }
    for (const d of drafts) {
      const row = await status(d.id);
      const posts = sim.world.wall(d.groupId).posts;
      expect(posts.length, `page of draft ${d.id}`).toBe((wallBefore.get(d.groupId) ?? 0) + 1);
      expect(row.vk_post_id).toBe(posts.at(-1)?.id);
      expect(row.published_at as number).toBeGreaterThanOrEqual(d.at);
    }
  }, 120_000);
});
