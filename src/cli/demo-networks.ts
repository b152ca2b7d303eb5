// The demo's OK groups and MAX channels: grown from the same institutions and seed as its VK communities
// (src/net-sim), written into the demo's registry, served by the simulated OK and MAX on loopback and collected
// through the real clients, so `publica start` shows all three networks out of the box.
import fs from 'node:fs';
import path from 'node:path';
import { buildMaxSim, buildOkSim, generateNetWorld, type NetWorld } from '../net-sim/index.ts';
import {
  collectMaxPages,
  collectOkPages,
  MaxClient,
  type MaxRunSummary,
  OkClient,
  type OkRunSummary,
} from '../networks/index.ts';
import type { Db } from '../platform/db.ts';
import type { WorldNetUrls } from '../vk-sim/index.ts';

/** Marks a demo world whose registry carries the OK and MAX addresses (older worlds are generated again). */
export const NET_WORLD_FILE = 'net-world.json';
export const DEMO_OK_APP = { key: 'DEMOAPPKEY', secret: 'demo-app-secret' };
export const DEMO_OK_TOKEN = 'demo-ok-token';
export const DEMO_MAX_BOT = 'demo-max-bot';
/** The demo's pace: faster than OK's and MAX's (modelled) limits, so the demo starts in seconds. */
const DEMO_PER_SECOND = 2000;

type Institution = { inn: string; short_name: string; region_code: string };

export function demoNetWorld(
  institutions: Institution[],
  seed: number,
  asOf: string,
  days: number,
): NetWorld {
  return generateNetWorld(institutions, { seed: seed ^ 0x5eed, asOf, days });
}

/** The registry's OK and MAX columns for a net world. */
export function netUrls(net: NetWorld): WorldNetUrls {
  const ok = new Map<string, string>();
  const max = new Map<string, string>();
  for (const g of net.ok) if (g.registry_url) ok.set(g.inn, g.registry_url);
  for (const c of net.max) if (c.registry_url) max.set(c.inn, c.registry_url);
  return { ok, max };
}

export function writeNetMarker(dir: string, net: NetWorld): void {
  const body = { format: 1, okGroups: net.ok.length, maxChannels: net.max.length };
  fs.writeFileSync(path.join(dir, NET_WORLD_FILE), `${JSON.stringify(body)}\n`);
}

export function hasNetMarker(dir: string): boolean {
  return fs.existsSync(path.join(dir, NET_WORLD_FILE));
}

export type DemoNetworks = {
  okUrl: string;
  maxUrl: string;
  ok: OkRunSummary;
  max: MaxRunSummary;
  close: () => Promise<void>;
};

/** Starts the simulated OK and MAX over the net world and collects every registered page from them. */
export async function collectDemoNetworks(db: Db, net: NetWorld, days: number): Promise<DemoNetworks> {
  const ok = await buildOkSim({
    world: net,
    app: DEMO_OK_APP,
    tokens: [{ token: DEMO_OK_TOKEN, perSecond: DEMO_PER_SECOND, canPublish: true }],
  });
  const max = await buildMaxSim({
    world: net,
    bots: [{ token: DEMO_MAX_BOT, userId: 1, channels: 'all', perSecond: DEMO_PER_SECOND }],
  });
  const close = async () => {
    await Promise.all([ok.app.close(), max.app.close()]);
  };
  try {
    const okUrl = await ok.app.listen({ port: 0, host: '127.0.0.1' });
    const maxUrl = await max.app.listen({ port: 0, host: '127.0.0.1' });
    const sinceSec = Math.floor(net.asOfMs / 1000) - days * 86_400 - 60;
    const okClient = new OkClient(
      {
        applicationKey: DEMO_OK_APP.key,
        applicationSecretKey: DEMO_OK_APP.secret,
        accessToken: DEMO_OK_TOKEN,
      },
      { baseUrl: okUrl, perSecond: DEMO_PER_SECOND },
    );
    const maxClient = new MaxClient(DEMO_MAX_BOT, { baseUrl: maxUrl, perSecond: DEMO_PER_SECOND });
    // Each network has its own token and pages: both at once.
    const [okSummary, maxSummary] = await Promise.all([
      collectOkPages(db, okClient, { sinceSec }),
      collectMaxPages(db, maxClient, { sinceSec }),
    ]);
    return { okUrl, maxUrl, ok: okSummary, max: maxSummary, close };
  } catch (error) {
    await close();
    throw error;
  }
}
