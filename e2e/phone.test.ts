/// <reference lib="dom" />
// The inbox work queue and the best time to post on a 360-px phone: one row open at a time, no sideways scroll, no
// squeezed text, no axe violation. Every route at 360 px is walked by routes.test.ts.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, type Demo, shot, sidewaysScroll, signIn, squeezedText, useDemo } from './browser.ts';

const PHONE_360 = { width: 360, height: 780 };

describe('the work queue on a 360-px phone', () => {
  let demo: Demo;
  let browser: Browser;
  useDemo((d, b) => {
    demo = d;
    browser = b;
  });

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
