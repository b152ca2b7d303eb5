// Benchmark: the web app's first load as a phone on a slow link sees it. `publica start` on a small demo world,
// Chromium (the npm build, @sparticuz/chromium) through playwright-core, the network throttled by CDP to
// 4 Mbit/s down, 1 Mbit/s up and 80 ms latency with the cache off; for the sign-in screen, a page admin's home
// and the country view it prints the bytes on the wire (JavaScript, CSS, all) and the time from navigation to
// the screen's main content. Targets: sign-in <= 1.5 s and <= 150 KB of JavaScript, home <= 2.5 s, any
// screen <= 350 KB of JavaScript.
// Run: npm run bench:web (needs `npm run build` first). Env: BENCH_RUNS per screen (default 3, the median is
// printed); BENCH_URL to measure a demo already running instead of starting one; BENCH_FILES=1 lists each screen's
// files with their bytes on the wire (what to cut when a screen is over its budget).
import fs from 'node:fs';
import os from 'node:os';
import sparticuz from '@sparticuz/chromium';
import { type BrowserContext, chromium } from 'playwright-core';
import { tempDir } from '../test/db.ts';
import { startPublica, stopAll, urlOf } from '../test/scale/processes.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FILES = process.env.BENCH_FILES === '1';
const PASSWORD = 'publica-demo';
const PROFILE = {
  latency: 80,
  downloadThroughput: (4_000_000 / 8) | 0,
  uploadThroughput: (1_000_000 / 8) | 0,
};
const TARGETS = {
  login: { ms: 1500, js: 150_000 },
  home: { ms: 2500, js: 350_000 },
  country: { ms: Infinity, js: 350_000 },
};

/** `ready`: the main content, timed; `drawn`: what the whole screen shows once its lazy parts (the charts)
 * have loaded, so their bytes are counted too. */
type Screen = { name: keyof typeof TARGETS; login?: string; path: string; ready: string; drawn?: string };
const SCREENS: Screen[] = [
  { name: 'login', path: '/', ready: '#login' },
  { name: 'home', login: 'demo-institution', path: '/', ready: '[data-testid="fix-first"] li' },
  {
    name: 'country',
    login: 'demo-federal',
    path: '/units/country',
    ready: 'table.data-table tbody tr',
    drawn: '[role="img"] canvas',
  },
];
/** The screen has loaded all it asks for when no request has been in flight for this long. */
const QUIET_MS = 1000;

type Measure = { ms: number; js: number; css: number; total: number; files: Map<string, number> };

async function measure(context: BrowserContext, base: string, screen: Screen): Promise<Measure> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILE });
  const types = new Map<string, string>();
  const urls = new Map<string, string>();
  const files = new Map<string, number>();
  const bytes = { js: 0, css: 0, total: 0 };
  const inFlight = new Set<string>();
  let lastActivity = Date.now();
  const done = (id: string) => {
    inFlight.delete(id);
    lastActivity = Date.now();
  };
  cdp.on('Network.requestWillBeSent', (e) => {
    inFlight.add(e.requestId);
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => done(e.requestId));
  cdp.on('Network.responseReceived', (e) => {
    types.set(e.requestId, e.type);
    urls.set(e.requestId, new URL(e.response.url).pathname);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const type = types.get(e.requestId);
    bytes.total += e.encodedDataLength;
    files.set(urls.get(e.requestId) ?? e.requestId, e.encodedDataLength);
    done(e.requestId);
    if (type === 'Script') bytes.js += e.encodedDataLength;
    if (type === 'Stylesheet') bytes.css += e.encodedDataLength;
  });
  const start = Date.now();
  await page.goto(`${base}${screen.path}`, { waitUntil: 'commit' });
  await page.locator(screen.ready).first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - start;
  // Every byte the screen asks for counts, the lazy charts' too: wait for them, then for the network to go quiet
  // (Playwright's networkidle fires once per page load and may have passed before a lazy chunk was asked for).
  if (screen.drawn) await page.locator(screen.drawn).first().waitFor({ timeout: 60_000 });
  const end = Date.now() + 60_000;
  while ((inFlight.size > 0 || Date.now() - lastActivity < QUIET_MS) && Date.now() < end)
    await new Promise((r) => setTimeout(r, 100));
  await page.close();
  return { ms, ...bytes, files };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

// BENCH_URL: a demo already running (`publica start`), for a machine too busy to start one in time.
const running = process.env.BENCH_URL;
const dir = tempDir('publica-bench-web-');
const proc = running
  ? null
  : startPublica(['start', '--institutions', '300', '--regions', '3', '--port', '0'], {
      PUBLICA_DATA_DIR: dir,
      PUBLICA_LOG_LEVEL: 'warn',
    });
const browser = await chromium.launch({
  executablePath: await sparticuz.executablePath(),
  args: sparticuz.args.filter((a) => a !== '--single-process'),
  headless: true,
});
let failed = false;
try {
  const base =
    running ??
    (proc && (await urlOf(proc, 300_000, /Publica (?:работает|is serving): (http:\/\/127\.0\.0\.1:\d+)/)));
  if (!base) throw new Error('no demo to measure');
  // The throttling is the network's only: the times also depend on the CPU, so the machine's load is printed.
  console.log(
    `web first load, ${PROFILE.downloadThroughput * 8e-6} Mbit/s, ${PROFILE.latency} ms, median of ${RUNS}; ` +
      `load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
  );
  for (const screen of SCREENS) {
    const runs: Measure[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' });
      if (screen.login) {
        const answer = await context.request.post(`${base}/api/auth/login`, {
          data: { login: screen.login, password: PASSWORD },
        });
        if (!answer.ok()) throw new Error(`${screen.login} could not sign in: ${answer.status()}`);
      }
      runs.push(await measure(context, base, screen));
      await context.close();
    }
    const m = { ms: median(runs.map((r) => r.ms)), js: median(runs.map((r) => r.js)) };
    const target = TARGETS[screen.name];
    const ok = m.ms <= target.ms && m.js <= target.js;
    failed ||= !ok;
    console.log(
      `${screen.name.padEnd(8)} main content ${String(m.ms).padStart(5)} ms  JS ${kb(m.js).padStart(9)}  CSS ${kb(
        median(runs.map((r) => r.css)),
      ).padStart(
        8,
      )}  all ${kb(median(runs.map((r) => r.total))).padStart(9)}  ${ok ? 'ok' : 'OVER TARGET'} (≤ ${
        Number.isFinite(target.ms) ? `${target.ms} ms, ` : ''
      }${kb(target.js)} JS)`,
    );
    if (FILES)
      for (const [file, n] of [...(runs.at(-1)?.files ?? [])].sort((a, b) => b[1] - a[1]))
        console.log(`           ${kb(n).padStart(9)}  ${file}`);
  }
} finally {
  await browser.close();
  if (proc) await stopAll([proc]);
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
