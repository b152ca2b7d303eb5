// Benchmark: OK and MAX collection against their simulators, each at its (modelled) ceiling: one OK token at
// 5 calls/s, one MAX bot at 30 requests/s. Prints each network's calls/s as a ratio of its ceiling (target
// >= 0.9). Part of `npm run bench:collect`; alone: npx tsx bench/collect-networks.ts.
// Env: BENCH_NET_INSTITUTIONS (default 200: about 135 OK groups and 60 MAX channels).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoNetWorld, netUrls } from '../src/cli/demo-networks.ts';
import { buildMaxSim, buildOkSim } from '../src/net-sim/index.ts';
import { collectMaxPages, collectOkPages, MaxClient, OkClient } from '../src/networks/index.ts';
import { openDb } from '../src/platform/db.ts';
import { migrateToLatest } from '../src/platform/migrate.ts';
import { importRegistryFile } from '../src/registry/index.ts';
import { generateWorld, WORLD_FILES, writeWorld } from '../src/vk-sim/index.ts';

const OK_CEILING = 5;
const MAX_CEILING = 30;
const APP = { key: 'BENCHKEY', secret: 'bench-secret' };

export async function benchNetworks(institutions: number): Promise<void> {
  const asOf = new Date().toISOString().slice(0, 10);
  const world = generateWorld({ institutions, regions: 3, seed: 11, asOf, days: 120 });
  const net = demoNetWorld(world.institutions, 11, asOf, 30);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publica-collect-net-'));
  writeWorld(dir, world, netUrls(net));
  const ok = await buildOkSim({ world: net, app: APP, tokens: [{ token: 'ok', perSecond: OK_CEILING }] });
  const max = await buildMaxSim({
    world: net,
    bots: [{ token: 'bot', userId: 1, channels: 'all', perSecond: MAX_CEILING }],
  });
  const db = openDb(path.join(dir, 'collect.db'));
  try {
    await migrateToLatest(db);
    await importRegistryFile(db, path.join(dir, WORLD_FILES.registry));
    const sinceSec = Math.floor(net.asOfMs / 1000) - 31 * 86_400;
    const okClient = new OkClient(
      { applicationKey: APP.key, applicationSecretKey: APP.secret, accessToken: 'ok' },
      { baseUrl: await ok.app.listen({ port: 0, host: '127.0.0.1' }), perSecond: OK_CEILING },
    );
    let started = performance.now();
    const okRun = await collectOkPages(db, okClient, { sinceSec });
    report('OK', okRun.calls, (performance.now() - started) / 1000, OK_CEILING, okRun);
    const maxClient = new MaxClient('bot', {
      baseUrl: await max.app.listen({ port: 0, host: '127.0.0.1' }),
      perSecond: MAX_CEILING,
    });
    started = performance.now();
    const maxRun = await collectMaxPages(db, maxClient, { sinceSec });
    report('MAX', maxClient.calls, (performance.now() - started) / 1000, MAX_CEILING, maxRun);
  } finally {
    await db.close();
    await Promise.all([ok.app.close(), max.app.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(network: string, calls: number, seconds: number, ceiling: number, summary: object): void {
  // The first call goes at once; the pace spaces the rest, so n calls take (n - 1) intervals.
  const perSecond = (calls - 1) / seconds;
  console.log(
    `${network}: ${calls} calls in ${seconds.toFixed(1)} s, ${perSecond.toFixed(2)}/s of a ${ceiling}/s ceiling: ratio ${(perSecond / ceiling).toFixed(2)} (target >= 0.9); ${JSON.stringify(summary)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  await benchNetworks(Number(process.env.BENCH_NET_INSTITUTIONS ?? 200));
