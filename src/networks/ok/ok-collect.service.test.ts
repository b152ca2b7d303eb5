// OK collection into the database, on both dialects: the registry's OK addresses (every written form) are
// collected from the simulated OK to exactly the world's topics and comments, and a second run writes nothing new.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../../test/db.ts';
import {
  csvText,
  innFor,
  schoolInstitutions,
  schoolLine,
  virtualClock,
  writeFile,
} from '../../../test/factories.ts';
import { buildOkSim, generateNetWorld, type OkSim } from '../../net-sim/index.ts';
import { importRegistryFile } from '../../registry/index.ts';
import { OkClient } from './ok-client.ts';
import { collectOkPages } from './ok-collect.service.ts';

const N = 30;
const world = generateNetWorld(schoolInstitutions(N), { seed: 3, asOf: '2026-11-29', days: 45, maxShare: 0 });
const registered = world.ok.filter((g) => g.registry_url);
const since = Math.floor(world.asOfMs / 1000) - 45 * 86_400 - 60;
const clock = virtualClock(world.asOfMs);
const APP = { key: 'KEY', secret: 'SECRET' };

let sim: OkSim;
let baseUrl: string;
beforeAll(async () => {
  sim = await buildOkSim({ world, app: APP, now: clock.now, tokens: [{ token: 'tok', perSecond: 5 }] });
  baseUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => sim.app.close());

describeEachDialect('OK collection into the database', (ctx) => {
  beforeEach(async () => {
    await clock.sleep(2000);
    const lines = Array.from({ length: N }, (_, i) =>
      schoolLine(i + 1, { ok_url: world.ok.find((g) => g.inn === innFor(i + 1))?.registry_url ?? '' }),
    );
    await importRegistryFile(ctx.db, writeFile(tempDir(), 'r.csv', csvText(lines)));
  });

  it('collects every registered OK group to exactly the world’s data, within the token’s pace', async () => {
    const client = new OkClient(
      { applicationKey: APP.key, applicationSecretKey: APP.secret, accessToken: 'tok' },
      { baseUrl, perSecond: 5, ...clock },
    );
    const started = clock.now();
    const summary = await collectOkPages(ctx.db, client, { sinceSec: since, now: clock.now });
    expect(summary).toMatchObject({ pages: registered.length, collected: registered.length, failed: 0 });
    const posts = await ctx.db.kysely
      .selectFrom('posts')
      .innerJoin('pages', 'pages.id', 'posts.page_id')
      .select(['posts.vk_id', 'posts.photos', 'posts.comments'])
      .where('pages.platform', '=', 'ok')
      .execute();
    const topics = registered.flatMap((g) => g.topics);
    expect(posts.map((p) => String(p.vk_id)).sort()).toEqual(topics.map((x) => x.id).sort());
    expect(posts.reduce((s, p) => s + p.photos, 0)).toBe(topics.reduce((s, x) => s + x.photos, 0));
    const comments = await ctx.db.kysely.selectFrom('comments').select('vk_id').execute();
    expect(comments).toHaveLength(topics.reduce((s, x) => s + x.comments.length, 0));
    const statuses = await ctx.db.kysely
      .selectFrom('pages')
      .select(['status', 'external_id'])
      .where('platform', '=', 'ok')
      .execute();
    expect(statuses.filter((p) => p.status === 'closed')).toHaveLength(
      registered.filter((g) => g.access_type === 'CLOSED').length,
    );
    expect(statuses.every((p) => p.external_id !== null)).toBe(true);
    // The pace: never more than 5 calls in a second of the (virtual) clock.
    expect((summary.calls - 1) / ((clock.now() - started) / 1000)).toBeLessThanOrEqual(5);

    const again = await collectOkPages(ctx.db, client, { sinceSec: since, now: clock.now });
    expect(again.posts).toBe(summary.posts);
    const after = await ctx.db.kysely.selectFrom('posts').select('id').execute();
    expect(after).toHaveLength(posts.length);
  });
});
