/// <reference lib="dom" />
// Every screen on a 360-px phone, as each role reaches it: no sideways scroll of the page and no text squeezed
// into a box narrower than eight characters (words running down letter by letter). Screenshots of each go to
// e2e/screenshots/phone-*.png.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  type Demo,
  openPage,
  overflowingElements,
  shot,
  sidewaysScroll,
  signIn,
  useDemo,
} from './browser.ts';

const PHONE_360 = { width: 360, height: 780 };

/** Elements whose own text (8+ characters) wraps inside a box narrower than 8 characters of their font. */
function squeezedText(page: Page): Promise<string[]> {
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

describe('every screen on a 360-px phone', () => {
  let demo: Demo;
  let browser: Browser;
  useDemo((d, b) => {
    demo = d;
    browser = b;
  });

  async function check(page: Page, name: string, url: string, problems: string[]) {
    await page.goto(url);
    // Under the whole suite's load a screen's first request has once stalled past a minute (seen on the region
    // page, not reproduced alone): load it once more, as a user would, before calling the screen broken.
    await page
      .locator('h1')
      .first()
      .waitFor({ timeout: 45_000 })
      .catch(async () => {
        await page.reload();
        await page.locator('h1').first().waitFor({ timeout: 45_000 });
      });
    await page.waitForLoadState('networkidle', { timeout: 90_000 });
    await shot(page, `phone-${name}`);
    expect(
      await sidewaysScroll(page),
      `${name}: sideways scroll by ${(await overflowingElements(page)).join(', ')}`,
    ).toBeLessThanOrEqual(1);
    expect(await squeezedText(page), `${name}: squeezed text`).toEqual([]);
    expect(problems, name).toEqual([]);
  }

  it('an operator: home, country, region, municipality, lists, report card, inbox, seminars, planner, upload', async () => {
    const { page, context, problems } = await openPage(browser, PHONE_360);
    await signIn(page, demo.url, 'demo-federal');
    const list = (await (await page.request.get(`${demo.url}/api/pages?size=1&sort=-score`)).json()) as {
      items: { id: number; institution: { regionCode: string; municipalityId: number } }[];
    };
    const first = list.items[0];
    if (!first) throw new Error('the demo has no pages');
    const seminars = (await (await page.request.get(`${demo.url}/api/seminars?size=1`)).json()) as {
      items: { id: number }[];
    };
    const routes: [string, string][] = [
      ['home', '/'],
      ['country', '/units/country'],
      ['region', `/units/region/${first.institution.regionCode}`],
      ['municipality', `/units/municipality/${first.institution.municipalityId}`],
      ['pages', '/pages'],
      ['report', `/pages/${first.id}`],
      ['methodology', '/methodology'],
      ['inbox', '/inbox'],
      ['seminars', '/seminars'],
      ['seminar-new', '/seminars/new'],
      ['notifications', '/notifications'],
      ['planner', '/planner'],
      ['planner-page', `/planner/${first.id}`],
      ['upload', '/registry/upload'],
    ];
    if (seminars.items[0]) routes.push(['seminar', `/seminars/${seminars.items[0].id}`]);
    for (const [name, path] of routes) await check(page, `operator-${name}`, `${demo.url}${path}`, problems);
    await context.close();
  }, 300_000);

  it('a page admin: home, report card, planner, inbox', async () => {
    const { page, context, problems } = await openPage(browser, PHONE_360);
    await signIn(page, demo.url, 'demo-institution');
    await check(page, 'admin-home', `${demo.url}/`, problems);
    const list = (await (await page.request.get(`${demo.url}/api/pages?size=1`)).json()) as {
      items: { id: number }[];
    };
    const id = list.items[0]?.id;
    for (const [name, path] of [
      ['report', `/pages/${id}`],
      ['planner', `/planner/${id}`],
      ['inbox', '/inbox'],
    ])
      await check(page, `admin-${name}`, `${demo.url}${path}`, problems);
    await context.close();
  }, 200_000);

  it('the inbox as a work queue and the best time to post: one row open at a time, no axe violation', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: PHONE_360, locale: 'ru-RU' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await signIn(page, demo.url, 'demo-region');
    await page.goto(`${demo.url}/inbox?filter=overdue`);
    const rows = page.locator('.queue-summary');
    // The queue computes deadlines over the region's threads: slow on a loaded machine, so a longer wait.
    await rows.first().waitFor({ timeout: 60_000 });
    expect(await page.locator('textarea').count()).toBe(0);
    await rows.first().click();
    await rows.nth(1).click();
    // The second row opened and the first closed: one answer box at a time.
    await expect.poll(() => page.locator('.queue-summary[aria-expanded="true"]').count()).toBe(1);
    expect(await page.locator('textarea').count()).toBe(1);
    await expect.poll(() => page.locator('.deadline-late').first().textContent()).toMatch(/просрочен/);
    await page.waitForLoadState('networkidle', { timeout: 90_000 });
    await shot(page, 'phone-queue');
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(1);
    expect(await squeezedText(page)).toEqual([]);
    expect(await axeViolations(page), 'inbox').toEqual([]);
    const planner = (await (await page.request.get(`${demo.url}/api/planner/pages`)).json()) as {
      items: { id: number }[];
    };
    await page.goto(`${demo.url}/planner/${planner.items[0]?.id}`);
    await page.getByTestId('best-time').waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle', { timeout: 90_000 });
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(1);
    expect(await axeViolations(page), 'planner').toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 200_000);
});
