// MAX collection into the database, on both dialects: the registry's MAX links are found among the bot's
// channels and collected to exactly the world's posts; a channel the bot does not administer is counted apart.
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
import { buildMaxSim, generateNetWorld, type MaxSim } from '../../net-sim/index.ts';
import { importRegistryFile } from '../../registry/index.ts';
import { MaxClient } from './max-client.ts';
import { collectMaxPages } from './max-collect.service.ts';

const N = 30;
const world = generateNetWorld(schoolInstitutions(N), {
  seed: 4,
  asOf: '2026-11-29',
  days: 45,
  okShare: 0,
  maxShare: 0.6,
});
const registered = world.max.filter((c) => c.registry_url);
const notAdmin = registered[0];
const admin = world.max.filter((c) => c !== notAdmin).map((c) => c.chat_id);
const since = Math.floor(world.asOfMs / 1000) - 45 * 86_400 - 60;
const clock = virtualClock(world.asOfMs);

let sim: MaxSim;
let baseUrl: string;
beforeAll(async () => {
  sim = await buildMaxSim({
    world,
    now: clock.now,
    bots: [{ token: 'bot', userId: 1, channels: admin, perSecond: 30 }],
  });
  baseUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => sim.app.close());

describeEachDialect('MAX collection into the database', (ctx) => {
  beforeEach(async () => {
    await clock.sleep(2000);
    const lines = Array.from({ length: N }, (_, i) =>
      schoolLine(i + 1, { max_url: world.max.find((c) => c.inn === innFor(i + 1))?.registry_url ?? '' }),
    );
    await importRegistryFile(ctx.db, writeFile(tempDir(), 'r.csv', csvText(lines)));
  });

  it('collects every registered channel the bot administers to exactly the world’s posts', async () => {
    expect(registered.length).toBeGreaterThan(5);
    const client = new MaxClient('bot', { baseUrl, ...clock });
    const summary = await collectMaxPages(ctx.db, client, { sinceSec: since, now: clock.now });
    expect(summary).toMatchObject({
      pages: registered.length,
      collected: registered.length - 1,
      notAdmin: 1,
      failed: 0,
    });
    const rows = await ctx.db.kysely
      .selectFrom('posts')
      .innerJoin('pages', 'pages.id', 'posts.page_id')
      .select(['posts.vk_id', 'posts.photos', 'posts.views', 'pages.url'])
      .where('pages.platform', '=', 'max')
      .execute();
    const expected = registered.filter((c) => c !== notAdmin).flatMap((c) => c.messages);
    expect(rows).toHaveLength(expected.length);
    expect(rows.reduce((s, r) => s + r.photos, 0)).toBe(expected.reduce((s, m) => s + m.images, 0));
    expect(rows.reduce((s, r) => s + r.views, 0)).toBe(expected.reduce((s, m) => s + m.views, 0));
  });
});
