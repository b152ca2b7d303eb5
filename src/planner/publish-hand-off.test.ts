// A scheduled post handed to VK ahead of its time (wall.post with publish_date): VK holds it and publishes it by
// itself at its time, with Publica stopped; the draft is done once, and a lost commit hands the same post again.
// The simulator's clock is injected: no waiting.
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { permissionsOf } from '../auth/index.ts';
import { collect, loadWorld } from '../collect/index.ts';
import { COUNTRY } from '../platform/scope.ts';
import { newSecretKeyText, parseSecretKey, SecretBox } from '../platform/secret-box.ts';
import { addVkToken } from '../vk/index.ts';
import { buildVkSim, generateWorld, readWorld, type VkSim, writeWorld } from '../vk-sim/index.ts';
import { approveDraft, createDraft, draftFor } from './drafts.service.ts';
import { updateDraft } from './planner.repo.ts';
import { publishDue } from './publish.service.ts';

const world = generateWorld({ institutions: 20, regions: 1, seed: 12, asOf: '2026-11-29', days: 7 });
const box = new SecretBox(parseSecretKey(newSecretKeyText(), 'test'));
const federal = { userId: null, scope: COUNTRY, permissions: permissionsOf('federal') };
const HOUR = 3600;
// Ahead of the real clock: publishDue never dates a publication before the machine's own time.
const T0 = Math.floor(Date.now() / 1000) + 60;
let clock = T0 * 1000;
let dir: string;
let sim: VkSim;
let vkUrl: string;

beforeAll(() => {
  dir = tempDir();
  writeWorld(dir, world);
});
// A simulator of its own for each dialect's run: VK's held posts and guids are per run.
beforeEach(async () => {
  clock = T0 * 1000;
  sim = await buildVkSim({
    world: readWorld(dir),
    now: () => clock,
    tokens: [
      { token: 'reader', kind: 'user', perSecond: 500 },
      ...world.communities.map((c) => ({
        token: `community-${c.id}`,
        kind: 'community' as const,
        groupId: c.id,
      })),
    ],
  });
  vkUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(() => sim.app.close());

describeEachDialect('scheduled posts handed to VK (publish_date)', (ctx) => {
  beforeEach(async () => {
    clock = T0 * 1000;
    await loadWorld(ctx.db, dir);
  });

  it('VK publishes the post at its time with Publica stopped; the draft is done once', async () => {
    const page = await ctx.db.kysely
      .selectFrom('pages')
      .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
      .select(['pages.id', 'pages.external_id'])
      .where(
        'pages.external_id',
        'in',
        world.communities.filter((c) => !c.deactivated).map((c) => c.id),
      )
      .orderBy('pages.id')
      .executeTakeFirstOrThrow();
    const groupId = page.external_id as number;
    await addVkToken(
      ctx.db,
      box,
      { label: 'page', token: `community-${groupId}`, kind: 'community', pageId: page.id },
      0,
    );
    const vk = { baseUrl: vkUrl, secrets: box };
    const planned = T0 + 3 * HOUR;
    const draft = async (title: string, at: number) => {
      const id = await createDraft(
        ctx.db,
        federal,
        page.id,
        { kind: 'text', title, text: `${title}.`, content: {} },
        T0,
      );
      await approveDraft(ctx.db, federal, id, T0, at);
      return id;
    };
    const later = await draft('Собрание в пятницу', planned);
    // Beyond the hand-off window: stays with Publica for now.
    const far = await draft('Каникулы', T0 + 48 * HOUR);

    const outcomes = await publishDue(ctx.db, vk, T0, { handOffSeconds: 24 * HOUR });
    expect([...outcomes.keys()]).toEqual([later]);
    const handed = (await draftFor(ctx.db, federal, later)).draft;
    expect(handed).toMatchObject({ status: 'published', published_at: planned });
    expect(JSON.parse(handed.publish_state_json)).toMatchObject({ postponedTo: planned });
    expect((await draftFor(ctx.db, federal, far)).draft.status).toBe('scheduled');
    // VK holds it: not on the wall yet, and not among the page's posts in Publica.
    expect(sim.world.postponed(groupId).map((p) => p.id)).toEqual([handed.vk_post_id]);
    const onWall = () => sim.world.wall(groupId).posts.filter((p) => p.text === 'Собрание в пятницу.');
    expect(onWall()).toEqual([]);

    // The commit was lost (the process died after VK's answer): handed again with its guid, the same post.
    await updateDraft(ctx.db, later, ['published'], { status: 'scheduled', vk_post_id: null });
    clock += 10 * 60 * 1000;
    const again = await publishDue(ctx.db, vk, T0 + 600, { handOffSeconds: 24 * HOUR });
    expect(again.get(later)).toEqual({ status: 'published', postId: handed.vk_post_id });
    expect(sim.world.postponed(groupId)).toHaveLength(1);

    // Publica is stopped; VK's clock passes the post's time and VK publishes it by itself.
    clock = (planned + 1) * 1000;
    expect(onWall().map((p) => p.id)).toEqual([handed.vk_post_id]);
    expect(sim.world.postponed(groupId)).toEqual([]);

    // Publica back: nothing to publish again; the collection finds the post on the wall, once.
    expect((await publishDue(ctx.db, vk, planned + 60)).has(later)).toBe(false);
    await collect(ctx.db, {
      baseUrl: vkUrl,
      tokens: [{ token: 'reader', kind: 'user', perSecond: 500 }],
      now: () => new Date((planned + 120) * 1000),
    });
    const rows = await ctx.db.kysely
      .selectFrom('posts')
      .select(['vk_id', 'posted_at'])
      .where('page_id', '=', page.id)
      .where('text', '=', 'Собрание в пятницу.')
      .execute();
    expect(rows).toEqual([{ vk_id: handed.vk_post_id, posted_at: planned }]);
  });
});
