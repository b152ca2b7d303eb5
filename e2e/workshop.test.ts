/// <reference lib="dom" />
// The methodologist's workshop end to end, in Chromium against `publica start`: fork 2023.1, ask for 5 posts a
// week (lint answers as the value is typed), preview on the demo's current data, publish, re-audit; the page
// report then says 5 posts a week. Then a region switches to the traffic-light version: its dashboard, report PDF
// and open data show green, yellow and red, and its trend compares traffic-light runs only.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfPages } from '../test/pdf-text.ts';
import { type Demo, openPage, shot, signIn, useDemo } from './browser.ts';

describe('the methodology workshop in a browser', () => {
  let demo: Demo;
  let browser: Browser;

  useDemo((d, b) => {
    demo = d;
    browser = b;
  });

  it('forks 2023.1 with 5 posts a week, previews, publishes, re-audits, and the titles say 5', async () => {
    const { page, context, problems } = await openPage(browser);
    await signIn(page, demo.url, 'demo-methodologist');
    await page.getByRole('link', { name: 'Мастерская методики' }).click();
    await page.locator('#fork-id').fill('2023.1-5pw');
    await page.getByRole('button', { name: 'Создать черновик' }).click();
    const editor = page.getByTestId('workshop-editor');
    await editor.waitFor();
    const perWeek = page.locator('#param-posting-frequency-perWeek');
    expect(await perWeek.inputValue()).toBe('3');
    // Lint as the methodologist types: a value no page could meet is named with its rule and field.
    await perWeek.fill('-1');
    await page.getByTestId('lint-problems').waitFor();
    expect(await page.getByTestId('lint-problems').textContent()).toContain('posting-frequency');
    await perWeek.fill('5');
    await page.getByTestId('lint-problems').waitFor({ state: 'detached' });
    // A rule's texts are edited beside its parameters and linted the same way: a placeholder no status fills is named.
    await page.locator('#texts-rule').selectOption('avatar');
    const advice = page.locator('#text-avatar-recommendation-en');
    await advice.fill('Upload the {registrySite} logo');
    await page.getByTestId('lint-problems').waitFor();
    expect(await page.getByTestId('lint-problems').textContent()).toContain('avatar');
    await advice.fill('Upload a square logo of the school.');
    await page.getByTestId('lint-problems').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Сохранить' }).isDisabled()).toBe(true);
    expect(await perWeek.inputValue()).toBe('5');

    await page.getByRole('button', { name: 'Примерить на текущих данных' }).click();
    const summary = page.getByTestId('preview-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toMatch(/Уровень меняется у \d+ из \d+ страниц/);
    expect(await page.getByTestId('preview-rules').textContent()).toContain('posting-frequency');
    await shot(page, 'workshop-preview');

    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await expect.poll(() => page.getByTestId('workshop-status').textContent()).toContain('опубликована');
    await page.getByRole('button', { name: 'Переоценить страницы' }).click();
    await page.getByTestId('reaudit-done').waitFor({ timeout: 90_000 });

    const pages = await page.request.get(`${demo.url}/api/pages?size=1`);
    const [first] = (await pages.json()).items as { id: number }[];
    await page.goto(`${demo.url}/pages/${first?.id}`);
    await page.locator('#rule-posting-frequency, [data-rule="posting-frequency"]').first().waitFor();
    const body = await page.locator('main').textContent();
    expect(body).toContain('5 постов в неделю');
    expect(body).not.toContain('3 постов в неделю');
    await shot(page, 'workshop-report-5');
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('switches a region to the traffic light: its colours on the dashboard, the PDF and open data, its trend', async () => {
    const region = await openPage(browser);
    await signIn(region.page, demo.url, 'demo-region');
    const me = await (await region.page.request.get(`${demo.url}/api/auth/me`)).json();
    const code = me.scope.regionCode;
    expect(code).toMatch(/^\d+$/);

    // Two traffic-light audits of the region (a past period and the current one), asked of the workshop.
    const method = await openPage(browser);
    await signIn(method.page, demo.url, 'demo-methodologist');
    const { csrfToken } = await (await method.page.request.get(`${demo.url}/api/auth/me`)).json();
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    const jobs: string[] = [];
    for (const body of [{ region: code, period: `${day(37)}..${day(7)}` }, { region: code }]) {
      const res = await method.page.request.post(`${demo.url}/api/methodology/workshop/svetofor/audits`, {
        data: body,
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(res.status(), await res.text()).toBe(202);
      jobs.push((await res.json()).jobId);
    }
    // Each is a background job of the audit queue; its progress is read until it is done.
    for (const job of jobs) {
      const status = () =>
        method.page.request
          .get(`${demo.url}/api/methodology/workshop/svetofor/audits/${job}`)
          .then((r) => r.json());
      await expect.poll(async () => (await status()).state, { timeout: 120_000, interval: 500 }).toBe('done');
    }
    await method.context.close();

    const { page, problems } = region;
    await page.goto(`${demo.url}/units/region/${code}`);
    const choice = page.locator('#region-version');
    await choice.waitFor();
    await choice.selectOption('svetofor');
    await page.getByRole('button', { name: 'Применить методику' }).click();
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 20_000 })
      .toContain('только аудиты по методике svetofor');
    const heads = (await page.locator('main th').allTextContents()).join(' | ');
    expect(heads).toContain('Зелёный');
    expect(heads).toContain('Красный');
    expect(heads).not.toContain('Флагман');
    await shot(page, 'region-traffic-light');

    // The home of the region: one badge per traffic-light level, in its colour.
    await page.goto(`${demo.url}/`);
    const badges = page.getByTestId('level-counts').locator('.level-badge');
    await expect.poll(() => badges.count(), { timeout: 15_000 }).toBe(3);
    const shown = await badges.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-level'), e.textContent, getComputedStyle(e).backgroundColor]),
    );
    expect(shown).toEqual([
      ['green', 'Зелёный', 'rgb(26, 127, 55)'],
      ['yellow', 'Жёлтый', 'rgb(138, 109, 0)'],
      ['red', 'Красный', 'rgb(180, 35, 24)'],
    ]);

    // The trend compares the traffic light's runs only.
    const unit = await (
      await page.request.get(`${demo.url}/api/reports/units/region/${code}?format=json`)
    ).json();
    expect(unit.run.version).toBe('svetofor');
    expect(unit.previous?.version).toBe('svetofor');
    expect(unit.trend).toHaveLength(2);

    // The report PDF names the traffic-light levels, not 2023.1's.
    const pdf = await page.request.get(`${demo.url}/api/reports/units/region/${code}?format=pdf`, {
      timeout: 120_000,
    });
    expect(pdf.status()).toBe(200);
    const text = (await pdfPages(await pdf.body())).join('\n');
    for (const level of ['Зелёный', 'Жёлтый', 'Красный']) expect(text).toContain(level);
    expect(text).not.toContain('Флагман');

    // Open data of the region: the traffic light's run and levels.
    const open = await (await page.request.get(`${demo.url}/api/open/regions/${code}/municipalities`)).json();
    expect(open.audit.methodology).toBe('svetofor');
    expect(open.levels).toEqual(['green', 'yellow', 'red']);
    expect(problems).toEqual([]);
    await region.context.close();
  }, 300_000);
});
