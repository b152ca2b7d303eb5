// Screenshots to look at, not a test: each role's main screens (report card, dashboard, inbox, planner, workshop)
// on a 390-px phone and a 1366-px desktop, in Russian and in English, written to e2e/screenshots/screen-*.png
// (not committed). Run: npm run build && npx tsx e2e/screens.ts [role…]
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DESKTOP, type Demo, launch, PHONE, SHOTS, signIn, startDemo } from './browser.ts';

type Ids = { page: number; region: string; municipality: number };
const SCREENS: Record<string, (i: Ids) => [string, string][]> = {
  'demo-federal': () => [
    ['home', '/'],
    ['country', '/units/country'],
  ],
  'demo-region': (i) => [
    ['home', '/'],
    ['region', `/units/region/${i.region}`],
    ['inbox', '/inbox'],
  ],
  'demo-municipality': (i) => [['municipality', `/units/municipality/${i.municipality}`]],
  'demo-institution': (i) => [
    ['home', '/'],
    ['report', `/pages/${i.page}`],
    ['planner', `/planner/${i.page}`],
    ['inbox', '/inbox'],
  ],
  'demo-methodologist': () => [['workshop', '/workshop']],
};

async function shoot(browser: Browser, demo: Demo, login: string, lang: 'ru' | 'en') {
  for (const [width, viewport] of [
    [390, PHONE],
    [1366, DESKTOP],
  ] as const) {
    const context = await browser.newContext({ viewport, locale: 'ru-RU' });
    await context.addInitScript((l) => localStorage.setItem('publica.lang', l), lang);
    const page = await context.newPage();
    await signIn(page, demo.url, login);
    const first = (await (await page.request.get(`${demo.url}/api/pages?size=1&sort=-score`)).json()) as {
      items: { id: number; institution: { regionCode: string; municipalityId: number } }[];
    };
    const p = first.items[0];
    const ids = {
      page: p?.id ?? 0,
      region: p?.institution.regionCode ?? '',
      municipality: p?.institution.municipalityId ?? 0,
    };
    for (const [name, route] of SCREENS[login]?.(ids) ?? []) {
      await page.goto(`${demo.url}${route}`);
      await page.locator('h1').first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
      await page
        .locator('.vkuiSpinner')
        .first()
        .waitFor({ state: 'detached', timeout: 30_000 })
        .catch(() => undefined);
      const file = path.join(SHOTS, `screen-${width}-${lang}-${login.replace('demo-', '')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
}

const demo = await startDemo();
const browser = await launch();
try {
  const roles = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(SCREENS);
  for (const login of roles)
    for (const lang of ['ru', 'en'] as const) await shoot(browser, demo, login, lang);
} finally {
  await browser.close();
  await demo.stop();
}
