// `publica start` (what `npm start` runs): the embedded default. Generates a small demo world once,
// loads it into the SQLite database through the registry importer, and prints a summary.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { parsePeriod, runAudit } from '../audit/index.ts';
import { collect } from '../collect/index.ts';
import {
  auditBeforeSeminars,
  DEMO_PASSWORD,
  ensureDemoAccounts,
  ensureDemoPlanner,
  ensureDemoSeminars,
} from '../demo/index.ts';
import { loadVersion } from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';
import { translator } from '../platform/i18n.ts';
import { type SecretBox, secretBoxFromFile } from '../platform/secret-box.ts';
import { firstPlacedInstitution, importRegistryFile, listPagesWithCommunity } from '../registry/index.ts';
import { addVkToken, listVkTokens } from '../vk/index.ts';
import { buildVkSim, generateWorld, readWorld, WORLD_FILES, writeWorld } from '../vk-sim/index.ts';
import { cliMessages } from './cli.messages.ts';
import type { CliContext } from './context.ts';
import {
  collectDemoNetworks,
  DEMO_MAX_BOT,
  DEMO_OK_APP,
  DEMO_OK_TOKEN,
  demoNetWorld,
  hasNetMarker,
  netUrls,
  writeNetMarker,
} from './demo-networks.ts';
import { intOption, todayUtc } from './options.ts';
import { type RoleBuilders, serveRoles } from './serve.command.ts';
import { readStatus } from './status.command.ts';

/** Past seminars in the demo's story (in its first regions by code), so their effect can be seen. */
const DEMO_SEMINARS = 2;
/** Days of posts in the demo world. */
const DEMO_DAYS = 120;

type StartOptions = { institutions: number; regions: number; seed: number; serve: boolean; port?: number };

export function registerStart(program: Command, context: () => CliContext, roles: RoleBuilders): void {
  program
    .command('start')
    .description('set up and start the embedded demo / запустить демо')
    .option(
      '--institutions <n>',
      'institutions in the demo world',
      intOption('--institutions', 10, 200_000),
      2000,
    )
    .option('--regions <k>', 'regions in the demo world', intOption('--regions', 1, 89), 5)
    .option('--seed <s>', 'random seed of the demo world', intOption('--seed', 0, 2 ** 32 - 1), 2023)
    .option('--port <port>', 'port of the HTTP server (env PUBLICA_PORT)', intOption('--port', 0, 65535))
    .option('--no-serve', 'set up the demo and exit instead of serving it')
    .action(async (options: StartOptions) => {
      const ctx = context();
      const t = translator(cliMessages, ctx.lang);
      const dir = path.join(ctx.config.dataDir, 'demo-world');
      ensureWorld(dir, options, (text) => ctx.err(text));
      const db = await ctx.db();
      const registry = await importRegistryFile(db, path.join(dir, WORLD_FILES.registry));
      // The simulated VK on loopback, collected through the real collector.
      const world = readWorld(dir);
      const { tokens, communities, admins } = demoVkTokens(world);
      const net = demoNetWorld(world.institutions, options.seed, world.meta.asOf, DEMO_DAYS);
      const sim = await buildVkSim({ world, tokens: [...tokens, ...communities, ...admins] });
      const vkUrl = await sim.app.listen({ port: 0, host: '127.0.0.1' });
      const progress = ctx.progress('collect');
      const report = await collect(db, {
        baseUrl: vkUrl,
        tokens,
        onProgress: (p) => progress.update(p.pagesDone, p.pagesTotal),
      }).finally(() => progress.stop());
      // Served, the simulator stays up for the inbox's replies; set up only, it goes.
      if (options.serve) ctx.config.jobs.vkUrl ??= vkUrl;
      else await sim.app.close();
      const networks = await startDemoNetworks(ctx, db, net, options.serve);
      ctx.config.secrets ??= secretBoxFromFile(path.join(ctx.config.dataDir, 'secret.key'));
      await ensureCommunityTokens(db, ctx.config.secrets);
      ctx.out(
        t('collected', {
          institutions: registry.created + registry.updated,
          vk: vkUrl,
          pages: report.pages,
          posts: report.posts,
          comments: report.comments,
          requests: report.requests,
          seconds: report.seconds,
        }),
      );
      ctx.out(
        t('collected_networks', {
          ok: networks.okUrl,
          okPages: networks.ok.collected,
          okPosts: networks.ok.posts,
          okComments: networks.ok.comments,
          max: networks.maxUrl,
          maxPages: networks.max.collected,
          maxPosts: networks.max.posts,
        }),
      );
      const version = loadVersion('2023.1');
      // The audit before the story's seminars goes first, so the current one stays the latest.
      await auditBeforeSeminars(db, world, version);
      const audit = await runAudit(db, {
        version,
        period: parsePeriod(undefined, version.defaultPeriodDays),
      });
      const levels = version.levels.map((l) => `${l.title[ctx.lang]} ${audit.levels[l.id] ?? 0}`).join(', ');
      ctx.out(
        t('audit_done', {
          run: audit.runId,
          version: version.id,
          pages: audit.pages,
          mean: audit.meanTotal,
          levels,
        }),
      );
      const seminars = await ensureDemoSeminars(db, world);
      if (seminars > 0) ctx.out(t('demo_seminars', { count: seminars }));
      const status = await readStatus(db);
      ctx.out(
        JSON.stringify({
          institutions: status.institutions,
          pages: status.pages,
          posts: status.posts,
          comments: status.comments,
        }),
      );
      ctx.out(t('start_ready', { db: db.label, dir }));
      const accounts = await ensureDemoAccounts(db);
      const placed = await firstPlacedInstitution(db);
      if (placed) await ensureDemoPlanner(db, placed.id, Math.floor(Date.now() / 1000));
      ctx.out(t('demo_accounts', { password: DEMO_PASSWORD }));
      for (const a of accounts) ctx.out(`  ${a.login.padEnd(28)} ${a.scope}`);
      if (options.serve)
        await serveRoles(ctx, roles, { port: options.port, role: 'all' }, async () => {
          await Promise.all([sim.app.close(), networks.close()]);
        });
    });
}

/**
 * The demo's VK tokens. They are faster than VK's real limits (3 user tokens at 50 requests/s, no daily wall.get
 * budget to spend across restarts), so the demo starts in seconds, every time. Each page also has its community
 * token, so the inbox can answer through the simulated VK, and its admin's user token (uploads, polls, clips and
 * broadcasts need one on VK), as if each admin had connected theirs.
 */
function demoVkTokens(world: ReturnType<typeof readWorld>) {
  const tokens = [1, 2, 3].map((i) => ({
    token: `demo-user-${i}`,
    kind: 'user' as const,
    perSecond: 50,
    dailyQuota: { 'wall.get': 10_000_000 },
  }));
  const communities = world.communities.map((c) => ({
    token: `demo-community-${c.id}`,
    kind: 'community' as const,
    perSecond: 20,
    groupId: c.id,
  }));
  const admins = world.communities.map((c) => ({
    token: `demo-admin-${c.id}`,
    kind: 'user' as const,
    perSecond: 3,
  }));
  return { tokens, communities, admins };
}

/** OK and MAX beside VK: their simulators, collected through the real clients. */
async function startDemoNetworks(
  ctx: CliContext,
  db: Parameters<typeof collectDemoNetworks>[0],
  net: Parameters<typeof collectDemoNetworks>[1],
  serve: boolean,
) {
  const networks = await collectDemoNetworks(db, net, DEMO_DAYS);
  if (!serve) {
    await networks.close();
    return networks;
  }
  // Served, the OK and MAX jobs (net.collect) collect from the demo's simulators unless told otherwise.
  const jobs = ctx.config.jobs;
  if (!jobs.ok.token)
    jobs.ok = {
      url: networks.okUrl,
      appKey: DEMO_OK_APP.key,
      appSecret: DEMO_OK_APP.secret,
      token: DEMO_OK_TOKEN,
    };
  if (!jobs.max.token) jobs.max = { url: networks.maxUrl, token: DEMO_MAX_BOT };
  return networks;
}

/** Writes the demo world unless one with the same parameters (and today's date) is already there. */
function ensureWorld(dir: string, options: StartOptions, say: (text: string) => void): void {
  const asOf = todayUtc();
  if (fs.existsSync(path.join(dir, WORLD_FILES.meta))) {
    const { meta } = readWorld(dir);
    const same =
      meta.institutions === options.institutions &&
      meta.regions === options.regions &&
      meta.seed === options.seed &&
      meta.seminars === DEMO_SEMINARS &&
      meta.asOf === asOf;
    if (same && hasNetMarker(dir)) return;
  }
  say(`world: generating ${options.institutions} institutions in ${options.regions} regions → ${dir}`);
  const world = generateWorld({ ...options, asOf, days: DEMO_DAYS, seminars: DEMO_SEMINARS });
  const net = demoNetWorld(world.institutions, options.seed, asOf, DEMO_DAYS);
  writeWorld(dir, world, netUrls(net));
  writeNetMarker(dir, net);
}

/**
 * A sealed community token and the admin's user token for every demo page that has none (the simulator knows
 * them by community id).
 */
async function ensureCommunityTokens(db: Db, secrets: SecretBox): Promise<void> {
  const known = new Set((await listVkTokens(db)).map((t) => t.label));
  const pages = await listPagesWithCommunity(db);
  const now = Math.floor(Date.now() / 1000);
  for (const page of pages) {
    const label = `demo-page-${page.id}`;
    if (!known.has(label))
      await addVkToken(
        db,
        secrets,
        { label, token: `demo-community-${page.externalId}`, kind: 'community', pageId: page.id },
        now,
      );
    const admin = `demo-admin-${page.id}`;
    if (!known.has(admin))
      await addVkToken(
        db,
        secrets,
        {
          label: admin,
          token: `demo-admin-${page.externalId}`,
          kind: 'user',
          pageId: page.id,
          scopes: ['wall', 'photos', 'video', 'offline'],
        },
        now,
      );
  }
}
