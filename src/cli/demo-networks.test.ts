// The demo's OK groups and MAX channels, on both dialects: the registry a generated demo world writes carries
// their addresses, and collecting from the demo's simulators stores exactly the world's registered groups,
// topics and channels' posts.
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { importRegistryFile } from '../registry/index.ts';
import { generateWorld, WORLD_FILES, writeWorld } from '../vk-sim/index.ts';
import { collectDemoNetworks, demoNetWorld, netUrls } from './demo-networks.ts';

const DAYS = 30;
const world = generateWorld({ institutions: 60, regions: 1, seed: 5, asOf: '2026-11-29', days: DAYS });
const net = demoNetWorld(world.institutions, 5, '2026-11-29', DAYS);

describeEachDialect('the demo’s OK and MAX', (ctx) => {
  it('writes OK and MAX addresses into the registry and collects exactly the registered pages', async () => {
    const dir = tempDir();
    writeWorld(dir, world, netUrls(net));
    await importRegistryFile(ctx.db, path.join(dir, WORLD_FILES.registry));
    const okListed = net.ok.filter((g) => g.registry_url);
    const maxListed = net.max.filter((c) => c.registry_url);
    // A realistic share: most institutions on OK, some missing; a smaller share on MAX.
    expect(okListed.length / world.institutions.length).toBeGreaterThan(0.5);
    expect(okListed.length).toBeLessThan(world.institutions.length);
    expect(maxListed.length).toBeGreaterThan(5);
    expect(net.ok.some((g) => g.topics.length === 0)).toBe(true);

    const got = await collectDemoNetworks(ctx.db, net, DAYS);
    await got.close();
    expect(got.ok).toMatchObject({ pages: okListed.length, collected: okListed.length, failed: 0 });
    expect(got.max).toMatchObject({ pages: maxListed.length, collected: maxListed.length, failed: 0 });
    expect(got.ok.posts).toBe(okListed.reduce((s, g) => s + g.topics.length, 0));
    expect(got.max.posts).toBe(maxListed.reduce((s, c) => s + c.messages.length, 0));
    const pages = await ctx.db.kysely
      .selectFrom('pages')
      .select(({ fn }) => ['platform', fn.countAll<number>().as('n')])
      .groupBy('platform')
      .execute();
    const by = Object.fromEntries(pages.map((p) => [p.platform, Number(p.n)]));
    expect(by).toMatchObject({ ok: okListed.length, max: maxListed.length });
  });
});
