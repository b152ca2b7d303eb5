// The soak: `publica serve --role web` on SQLite under mixed read traffic of 100 virtual users (autocannon on
// loopback: roll-ups, page lists, page reports, institution search, regions) while a worker process on the same
// database collects from a simulated VK and audits, again and again. Reports requests, errors,
// p50/p99 per window and the server's RSS over time with its trend. Used by bench/soak.ts (10 minutes) and by
// the 60-second test in CI.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { runAudit } from '../../src/audit/index.ts';
import { createUsers } from '../../src/auth/index.ts';
import { loadWorld } from '../../src/collect/index.ts';
import { loadVersion } from '../../src/methodology/index.ts';
import { CONSOLE_ACTOR } from '../../src/platform/audit-log.ts';
import { openDb } from '../../src/platform/db.ts';
import { migrateToLatest } from '../../src/platform/migrate.ts';
import { COUNTRY } from '../../src/platform/scope.ts';
import { generateWorld, worldEnd, writeWorld } from '../../src/vk-sim/index.ts';
import { tempDir } from '../db.ts';
import { type Proc, runPublica, startPublica, stopAll, urlOf } from '../scale/processes.ts';

export type SoakOptions = {
  seconds: number;
  connections?: number;
  institutions?: number;
  windowSeconds?: number;
};

export type SoakWindow = {
  at: number;
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

export type SoakResult = {
  seconds: number;
  connections: number;
  requests: number;
  errors: number;
  non2xx: number;
  p50: number;
  p99: number;
  windows: SoakWindow[];
  /** Server RSS samples in MiB, one every few seconds. */
  rss: { at: number; mib: number }[];
  /** Least-squares slope of RSS over the second half of the run, MiB per minute. */
  rssSlopePerMinute: number;
  collections: number;
  vkCalls: number;
};

const PASSWORD = 'soak-password-1';
const AT = '2026-11-29';

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function slope(points: { at: number; mib: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.at, 0) / n;
  const my = points.reduce((s, p) => s + p.mib, 0) / n;
  const num = points.reduce((s, p) => s + (p.at - mx) * (p.mib - my), 0);
  const den = points.reduce((s, p) => s + (p.at - mx) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}

async function bearerFor(url: string, login: string): Promise<string> {
  const signIn = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  const me = (await signIn.json()) as { csrfToken: string };
  const made = await fetch(`${url}/api/tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: signIn.headers.get('set-cookie')?.split(';')[0] ?? '',
      'x-csrf-token': me.csrfToken,
    },
    body: JSON.stringify({ name: 'soak', permissions: ['data.read'] }),
  });
  return `Bearer ${((await made.json()) as { token: string }).token}`;
}

export async function soak(options: SoakOptions): Promise<SoakResult> {
  const connections = options.connections ?? 100;
  const windowSeconds = options.windowSeconds ?? 10;
  const dir = tempDir('publica-soak-');
  const file = path.join(dir, 'publica.db');
  const procs: Proc[] = [];
  try {
    // An audited world already stored, as after a first collection; the worker collects it again meanwhile.
    const world = generateWorld({
      institutions: options.institutions ?? 2_000,
      regions: 4,
      seed: 11,
      asOf: AT,
      days: 60,
    });
    writeWorld(dir, world);
    const db = openDb(file);
    await migrateToLatest(db);
    await loadWorld(db, dir);
    const end = worldEnd(world.meta);
    await runAudit(db, { version: loadVersion('2023.1'), period: { start: end - 30 * 86_400, end } });
    const users = createUsers(db);
    const root = { ...CONSOLE_ACTOR, scope: COUNTRY };
    const regions = (await db.kysely.selectFrom('regions').select('code').execute()).map((r) => r.code);
    const regionCode = world.institutions[0]?.region_code ?? '';
    await users.add(root, {
      login: 'soak-federal',
      role: 'federal_viewer',
      scope: { level: 'country' },
      password: PASSWORD,
    });
    await users.add(root, {
      login: 'soak-region',
      role: 'region_viewer',
      scope: { level: 'region', regionCode },
      password: PASSWORD,
    });
    const pages = (
      await db.kysely.selectFrom('audit_page_results').select('page_id').limit(500).execute()
    ).map((r) => r.page_id);
    const names = world.institutions
      .slice(0, 200)
      .map((i) => encodeURIComponent(i.full_name.split(' ')[0] ?? ''));
    await db.close();

    const tokens = path.join(dir, 'tokens.json');
    fs.writeFileSync(
      tokens,
      JSON.stringify(['soak-1', 'soak-2'].map((token) => ({ token, kind: 'user', perSecond: 20 }))),
    );
    const sim = startPublica(['vk-sim', '--world', dir, '--port', '0', '--tokens', tokens], {});
    procs.push(sim);
    const vkUrl = await urlOf(sim);
    const env = {
      PUBLICA_DB: file,
      PUBLICA_VK_URL: vkUrl,
      PUBLICA_VK_TOKENS: 'user:soak-1:20,user:soak-2:20',
      PUBLICA_LOG_LEVEL: 'warn',
      PUBLICA_COLLECT_WINDOW_DAYS: '30',
    };
    // A web process and a worker process on one SQLite file, as a server is deployed: the worker's
    // collections and audits share the cores with the web process, not its event loop.
    const server = startPublica(['serve', '--role', 'web', '--port', '0'], env);
    const worker = startPublica(['serve', '--role', 'worker'], env);
    procs.push(server, worker);
    const url = await urlOf(server);
    const pid = server.child.pid ?? 0;
    const federal = await bearerFor(url, 'soak-federal');
    const regional = await bearerFor(url, 'soak-region');

    // The mix a morning of operators makes: lists and reports most, roll-ups, search, the region list.
    const mix: [string, string][] = [
      ...regions.flatMap((code) =>
        [1, 2].map((p): [string, string] => [
          federal,
          `/api/pages?region=${code}&sort=-score&size=50&page=${p}`,
        ]),
      ),
      ...pages.map((id): [string, string] => [federal, `/api/pages/${id}/report`]),
      ...pages.slice(0, 100).map((id): [string, string] => [federal, `/api/pages/${id}`]),
      ...names.map((q): [string, string] => [federal, `/api/institutions?q=${q}`]),
      [regional, '/api/rollups?by=municipality'],
      [federal, '/api/rollups'],
      [federal, '/api/regions'],
      [regional, `/api/pages?region=${regionCode}&size=20`],
    ];

    // The collection (with its audit) runs again whenever the last one finished.
    let collections = 0;
    const started = Date.now();
    const rss: { at: number; mib: number }[] = [];
    let stop = false;
    const watcher = openDb(file);
    const background = (async () => {
      while (!stop) {
        rss.push({ at: (Date.now() - started) / 1000, mib: rssMiB(pid) });
        const busy = await watcher.kysely
          .selectFrom('jobs')
          .select('id')
          .where('queue', 'like', 'collect.%')
          .where('state', 'in', ['created', 'active', 'retry'])
          .executeTakeFirst();
        if (!busy) {
          await runPublica(['jobs', 'enqueue', 'collect', '--period', '30d', '--at', AT], env);
          collections++;
        }
        await new Promise((r) => setTimeout(r, 3000));
      }
    })();

    let next = 0;
    const windows: SoakWindow[] = [];
    for (let elapsed = 0; elapsed < options.seconds; elapsed += windowSeconds) {
      const result = await autocannon({
        url,
        connections,
        // Slowness is the benchmark's to report (the worst p99 is printed), not an error: autocannon's own 10 s
        // limit counted a request queued behind the worker's writes as failed. A request that never answers still is.
        timeout: 60,
        duration: Math.min(windowSeconds, options.seconds - elapsed),
        requests: [
          {
            setupRequest: (request) => {
              const [auth, p] = mix[next++ % mix.length] as [string, string];
              request.path = p;
              request.headers = { ...request.headers, authorization: auth };
              return request;
            },
          },
        ],
      });
      windows.push({
        at: Math.round((Date.now() - started) / 1000),
        requests: result.requests.total,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      });
    }
    stop = true;
    await background;
    await watcher.close();
    const stats = (await (await fetch(`${vkUrl}/admin/stats`)).json()) as { calls: Record<string, number> };
    const total = (k: keyof SoakWindow) => windows.reduce((s, w) => s + w[k], 0);
    const half = rss.filter((s) => s.at >= options.seconds / 2);
    return {
      seconds: options.seconds,
      connections,
      requests: total('requests'),
      errors: total('errors'),
      non2xx: total('non2xx'),
      // Weighted by requests: the whole run's middle and tail, close enough for windows of equal length.
      p50: windows.reduce((s, w) => s + w.p50 * w.requests, 0) / Math.max(1, total('requests')),
      p99: Math.max(...windows.map((w) => w.p99)),
      windows,
      rss,
      rssSlopePerMinute: slope(half),
      collections,
      vkCalls: Object.values(stats.calls).reduce((s, n) => s + n, 0),
    };
  } finally {
    await stopAll(procs);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printSoak(r: SoakResult): void {
  console.log(
    `soak ${r.seconds} s, ${r.connections} connections: ${r.requests} requests (${Math.round(r.requests / r.seconds)}/s), errors ${r.errors}, non-2xx ${r.non2xx}, p50 ${r.p50.toFixed(1)} ms, worst p99 ${r.p99} ms; ${r.collections} collections (${r.vkCalls} VK calls) meanwhile`,
  );
  for (const w of r.windows)
    console.log(
      `  t=${String(w.at).padStart(4)} s  ${String(w.requests).padStart(6)} req  p50 ${w.p50} ms  p99 ${w.p99} ms  errors ${w.errors + w.non2xx}`,
    );
  console.log(
    `  server RSS MiB: ${r.rss.map((s) => s.mib.toFixed(0)).join(' ')}; trend over the second half ${r.rssSlopePerMinute.toFixed(2)} MiB/min`,
  );
}
