// Benchmark: the web app's first load as a phone on a slow link sees it. `publica start` on a small demo world,
// Chromium (the npm build, @sparticuz/chromium) through playwright-core, the network throttled by CDP to
// 4 Mbit/s down, 1 Mbit/s up and 80 ms latency with the cache off; for the sign-in screen, a page admin's home
// and the country view it prints the bytes on the wire (JavaScript, CSS, all) and the time from navigation to
// the screen's main content. Targets: sign-in <= 1.5 s and <= 150 KB of JavaScript, home <= 2.5 s, any
// screen <= 350 KB of JavaScript.
// Run: npm run bench:web (needs `npm run build` first). Env: BENCH_RUNS per screen (default 3, the median is
// printed); BENCH_URL to measure a demo already running instead of starting one.
import fs from 'node:fs';
import sparticuz from '@sparticuz/chromium';
import { type BrowserContext, chromium } from 'playwright-core';
import { tempDir } from '../test/db.ts';
import { startPublica, stopAll, urlOf } from '../test/scale/processes.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
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

type Screen = { name: keyof typeof TARGETS; login?: string; path: string; ready: string };
const SCREENS: Screen[] = [
  { name: 'login', path: '/', ready: '#login' },
  { name: 'home', login: 'demo-institution', path: '/', ready: '[data-testid="fix-first"] li' },
  { name: 'country', login: 'demo-federal', path: '/units/country', ready: 'table.data-table tbody tr' },
];

type Measure = { ms: number; js: number; css: number; total: number };

async function measure(context: BrowserContext, base: string, screen: Screen): Promise<Measure> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILE });
  const types = new Map<string, string>();
  const bytes = { js: 0, css: 0, total: 0 };
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    const type = types.get(e.requestId);
    bytes.total += e.encodedDataLength;
    if (type === 'Script') bytes.js += e.encodedDataLength;
    if (type === 'Stylesheet') bytes.css += e.encodedDataLength;
  });
  const start = Date.now();
  await page.goto(`${base}${screen.path}`, { waitUntil: 'commit' });
  await page.locator(screen.ready).first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - start;
  await page.waitForLoadState('networkidle');
  await page.close();
  return { ms, ...bytes };
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
  console.log(
    `web first load, ${PROFILE.downloadThroughput * 8e-6} Mbit/s, ${PROFILE.latency} ms, median of ${RUNS}`,
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
  }
} finally {
  await browser.close();
  if (proc) await stopAll([proc]);
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
