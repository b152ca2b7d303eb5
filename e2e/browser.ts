// The e2e harness: `publica start` on a small demo world in its own data folder (the product as users get it),
// and the npm package's Chromium driven by playwright-core. Console errors and CSP violations are collected per page, so
// a test can require none; screenshots go to e2e/screenshots/ (not committed).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumLaunchOptions } from '../src/platform/chromium.ts';
import { tempDir } from '../test/db.ts';
import { type Proc, startPublica, stopAll, urlOf } from '../test/scale/processes.ts';

export const PASSWORD = 'publica-demo';
export const SHOTS = path.resolve(import.meta.dirname, 'screenshots');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

/** The app's address, the simulated VK's (its admin endpoints make people write), the data folder. */
export type Demo = { url: string; vk: string; dir: string; stop(): Promise<void> };

/** How long the demo may take to start: two minutes, longer on a loaded machine (PUBLICA_E2E_START_SECONDS). */
const START_MS = Number(process.env.PUBLICA_E2E_START_SECONDS ?? 120) * 1000;

export async function startDemo(): Promise<Demo> {
  // On a machine too busy to start a demo in time: a demo already running (`publica start`), left running after.
  const running = process.env.PUBLICA_E2E_URL;
  if (running) return { url: running, vk: process.env.PUBLICA_E2E_VK ?? '', dir: '', stop: async () => {} };
  const dir = tempDir('publica-e2e-');
  const proc: Proc = startPublica(['start', '--institutions', '300', '--regions', '3', '--port', '0'], {
    PUBLICA_DATA_DIR: dir,
    PUBLICA_LOG_LEVEL: 'warn',
  });
  // The demo prints the simulated VK's address first; the app's is on the line that says it runs.
  const url = await urlOf(proc, START_MS, /Publica (?:работает|is serving): (http:\/\/127\.0\.0\.1:\d+)/);
  const vk = await urlOf(proc, 1000, /(?:симулятора ВК|simulated VK) \((http:\/\/127\.0\.0\.1:\d+)/);
  return {
    url,
    vk,
    dir,
    async stop() {
      await stopAll([proc]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The npm package's Chromium (or PUBLICA_CHROMIUM), as the PDFs use it. */
export async function launch(): Promise<Browser> {
  return chromium.launch(await chromiumLaunchOptions());
}

export type Watched = { page: Page; context: BrowserContext; problems: string[] };

/** A fresh browser context (no cookies) with its console errors and CSP reports collected. */
export async function openPage(browser: Browser, viewport = DESKTOP): Promise<Watched> {
  const context = await browser.newContext({ viewport, locale: 'ru-RU' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // Signed out, the app asks who is signed in and is told 401: expected, not a fault.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return { page, context, problems };
}

export async function signIn(page: Page, base: string, login: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  try {
    await page.locator('.topbar').waitFor({ timeout: 20_000 });
  } catch (error) {
    await shot(page, `failed-sign-in-${login}`);
    throw new Error(`${login} did not get past the sign-in: ${await page.locator('body').textContent()}`, {
      cause: error,
    });
  }
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2 A and AA violations on the page as "rule ×nodes". axe goes in as a script of its own, which
 * the app's CSP rightly forbids: the page's context must bypass CSP (and only a context for this).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (
            c: Document,
            o: object,
          ) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
    // Each violation names where it is (the first three elements' selectors), so a failure says what to fix.
    return result.violations.map(
      (v) =>
        `${v.id} ×${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  });
}

/** Opens a path and waits until its heading is there and the network is quiet. */
export async function openSettled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** How far the page scrolls sideways (a phone layout must not: at most a rounding pixel). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The innermost elements that reach past the window's right edge, to name the culprit of a sideways scroll. */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Inside a box that scrolls or clips on its own, an element past the edge widens nothing.
    const clipped = (e: Element) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
        if (
          getComputedStyle(p).overflowX !== 'visible' &&
          p.getBoundingClientRect().right <= window.innerWidth + 1
        )
          return true;
      return false;
    };
    const past = Array.from(document.body.querySelectorAll('*')).filter(
      (e) =>
        (e.getBoundingClientRect().right > window.innerWidth + 1 || e.scrollWidth > window.innerWidth + 1) &&
        !clipped(e),
    );
    return past
      .filter((e) => !past.some((inner) => inner !== e && e.contains(inner)))
      .slice(0, 5)
      .map((e) => {
        const name = (n: Element | null) =>
          n ? `${n.tagName.toLowerCase()}.${Array.from(n.classList).join('.')}` : '';
        return `${name(e.parentElement)} > ${name(e)} "${(e.textContent ?? '').slice(0, 30)}" (${Math.round(e.getBoundingClientRect().right)} px, ${e.scrollWidth} wide)`;
      });
  });
}

/** Elements whose own text (8+ characters) wraps inside a box narrower than 8 characters of their font. */
export function squeezedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (own.length < 8 || el.closest('svg, canvas, [aria-hidden="true"], .visually-hidden')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      const font = Number.parseFloat(style.fontSize) || 16;
      const line = Number.parseFloat(style.lineHeight) || font * 1.3;
      // 8 characters of a proportional font are about 4 em; wrapped means taller than two lines.
      if (rect.width < font * 4 && rect.height > line * 2.2)
        out.push(
          `${el.tagName.toLowerCase()}.${el.className} "${own.slice(0, 30)}" ${Math.round(rect.width)}px`,
        );
    }
    return out;
  });
}

/** Starts the demo and the browser before a file's tests (handing both over), and stops both after them. */
export function useDemo(ready: (demo: Demo, browser: Browser) => void): void {
  let demo: Demo | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemo(), launch()]);
    ready(demo, browser);
  }, START_MS + 60_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });
}
