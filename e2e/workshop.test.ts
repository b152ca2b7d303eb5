/// <reference lib="dom" />
// The methodologist's workshop end to end, in Chromium against `publica start`: fork 2023.1, ask for 5 posts a
// week (lint answers as the value is typed), preview on the demo's current data, publish, re-audit; the page
// report then says 5 posts a week.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
});
