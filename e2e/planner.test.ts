/// <reference lib="dom" />
// The planner end to end, in Chromium against `publica start` (the simulated VK stays up and the scheduler
// publishes due drafts): the page admin creates a poll draft in the calendar, sees what it does for the
// methodology, approves it for now; the scheduler publishes it through the simulated VK, and the page report
// shows it among the page's posts. A contributor's proposal reaches the admin's review. The screens pass
// axe-core and fit a phone. With only the community token a text post goes, and the editor says which token a
// poll or a live broadcast needs (the admin's user token) and how to connect it or publish by hand.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runPublica } from '../test/scale/processes.ts';
import {
  axeViolations,
  type Demo,
  openPage,
  openSettled,
  PHONE,
  shot,
  sidewaysScroll,
  signIn,
  useDemo,
} from './browser.ts';

describe('the planner in a browser', () => {
  let demo: Demo;
  let browser: Browser;

  useDemo((d, b) => {
    demo = d;
    browser = b;
  });

  it('creates a poll draft in the calendar, approves it, publishes it, and shows it on the page report', async () => {
    const { page, context, problems } = await openPage(browser);
    await signIn(page, demo.url, 'demo-institution');
    await page.getByRole('link', { name: 'Планировщик' }).click();
    await page.getByTestId('plan-calendar').waitFor();
    const pageId = Number(new URL(page.url()).pathname.split('/').at(-1));
    await page.getByTestId('new-draft').click();
    const editor = page.getByTestId('draft-editor');
    await editor.waitFor();
    await editor.getByText('Опрос', { exact: true }).click();
    const question = `Когда провести день открытых дверей? ${Date.now()}`;
    await page.locator('#d-title').fill('Опрос о дне открытых дверей');
    await page.locator('#d-rubric').fill('опрос');
    await page.locator('#d-text').fill('Уважаемые родители! Помогите выбрать дату дня открытых дверей.');
    await page.locator('#d-question').fill(question);
    await page.locator('#d-options').fill('Суббота\nВоскресенье');
    await page.getByTestId('draft-save').click();
    await page.getByTestId('draft-helps').waitFor();
    expect(await page.getByTestId('draft-helps').textContent()).toMatch(/опрос/);
    const draftId = new URL(page.url()).searchParams.get('draft');
    expect(draftId).toMatch(/^\d+$/);
    await expect.poll(() => page.locator(`[data-draft="${draftId}"]`).count()).toBe(1);
    await shot(page, 'planner-editor');
    await page.getByTestId('draft-publish-now').click();
    // The scheduler publishes due drafts every quarter minute.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('draft-editor').waitFor();
          return page.getByTestId('draft-published').count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(1);
    await page.goto(`${demo.url}/pages/${pageId}`);
    const recent = page.getByTestId('recent-posts');
    await recent.waitFor();
    expect(await recent.textContent()).toContain('Помогите выбрать дату дня открытых дверей');
    expect(await recent.locator('li').first().textContent()).toContain('Опросы');
    await shot(page, 'planner-published-on-report');
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('with only the community token publishes a text post, and says a poll and a live broadcast need the admin’s user token', async () => {
    const { page, context, problems } = await openPage(browser);
    await signIn(page, demo.url, 'demo-institution');
    await page.getByRole('link', { name: 'Планировщик' }).click();
    await page.getByTestId('plan-calendar').waitFor();
    const pageId = Number(new URL(page.url()).pathname.split('/').at(-1));
    // The page's admin has not connected a user token: only the community token is left (the demo connects both).
    const env = { PUBLICA_DATA_DIR: demo.dir, PUBLICA_LOG_LEVEL: 'warn' };
    await runPublica(['vk-token', 'disable', `demo-admin-${pageId}`], env);
    try {
      const newDraft = async (kind: string, title: string, text: string) => {
        await page.goto(`${demo.url}/planner/${pageId}`);
        await page.getByTestId('new-draft').click();
        await page.getByTestId('draft-editor').waitFor();
        await page.getByTestId('draft-kind').getByText(kind, { exact: true }).click();
        await page.locator('#d-title').fill(title);
        await page.locator('#d-text').fill(text);
      };
      const saved = async () => {
        await page.getByTestId('draft-save').click();
        await page.getByTestId('draft-helps').waitFor();
      };
      const stamp = Date.now();
      await newDraft('Текст и фото', 'Итоги недели', `Итоги недели: олимпиада и субботник. ${stamp}`);
      await saved();
      // A text post goes with the community token: nothing is missing.
      expect(await page.getByTestId('draft-token-missing').count()).toBe(0);
      await page.getByTestId('draft-publish-now').click();
      await expect
        .poll(
          async () => {
            await page.reload();
            await page.getByTestId('draft-editor').waitFor();
            return page.getByTestId('draft-published').count();
          },
          { timeout: 60_000, interval: 2_000 },
        )
        .toBe(1);
      // A poll needs the admin's user token: the editor says so before publishing, and after it failed.
      await newDraft('Опрос', 'Опрос о кружках', 'Какие кружки открыть?');
      await page.locator('#d-question').fill(`Какие кружки открыть? ${stamp}`);
      await page.locator('#d-options').fill('Шахматы\nРобототехника');
      await saved();
      const missing = page.getByTestId('draft-token-missing');
      expect(await missing.textContent()).toMatch(
        /Чтобы опубликовать опрос, нужен пользовательский токен администратора страницы.*--kind user --page \d+/,
      );
      await page.getByTestId('draft-publish-now').click();
      await expect
        .poll(
          async () => {
            await page.reload();
            await page.getByTestId('draft-editor').waitFor();
            return (await page.getByTestId('draft-editor').textContent()) ?? '';
          },
          { timeout: 60_000, interval: 2_000 },
        )
        .toContain('Пост не опубликован.');
      expect(await missing.textContent()).toContain('опубликуйте пост во ВКонтакте вручную');
      // Nothing English from the server leaks into the Russian editor.
      expect(await page.getByTestId('draft-editor').textContent()).not.toContain('needs a page admin');
      await shot(page, 'planner-token-missing');
      // A live broadcast: said before anything is tried.
      await newDraft('Прямой эфир', 'Эфир с линейки', 'Смотрите линейку в прямом эфире.');
      await page.locator('#d-live-title').fill('Линейка');
      await page.locator('#d-live-at').fill('2030-09-01T09:00');
      await saved();
      expect(await missing.textContent()).toContain('Чтобы опубликовать прямой эфир');
      expect(problems).toEqual([]);
    } finally {
      await runPublica(['vk-token', 'enable', `demo-admin-${pageId}`], env);
      await context.close();
    }
  }, 180_000);

  it('takes a contributor’s proposal to the page admin’s review', async () => {
    const pupil = await openPage(browser);
    await signIn(pupil.page, demo.url, 'demo-contributor');
    await pupil.page.getByTestId('plan-calendar').waitFor();
    // A contributor sees the planner and nothing of the data.
    expect(await pupil.page.locator('.topnav a').allTextContents()).toEqual(['Планировщик']);
    await pupil.page.getByTestId('new-draft').click();
    const title = `Наш конкурс чтецов ${Date.now()}`;
    await pupil.page.locator('#d-title').fill(title);
    await pupil.page.locator('#d-text').fill('Сегодня прошёл конкурс чтецов. Победили все!');
    await pupil.page.getByRole('button', { name: 'Предложить администратору' }).click();
    await pupil.page.getByTestId('draft-helps').waitFor();
    const admin = await openPage(browser);
    await signIn(admin.page, demo.url, 'demo-institution');
    await admin.page.goto(`${demo.url}/planner/review`);
    await admin.page.getByTestId('review-list').getByText(title).click();
    await admin.page.getByTestId('draft-editor').waitFor();
    await admin.page.locator('#d-reason').fill('Добавьте фото');
    await admin.page.getByTestId('draft-reject').click();
    await expect.poll(() => admin.page.getByTestId('draft-editor').textContent()).toContain('Добавьте фото');
    for (const w of [pupil, admin]) {
      expect(w.problems).toEqual([]);
      await w.context.close();
    }
  }, 60_000);

  it('meets WCAG 2 A and AA on the planner screens and fits a phone', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, demo.url, 'demo-region');
    const pages = (await (await page.request.get(`${demo.url}/api/planner/pages`)).json()) as {
      items: { id: number }[];
    };
    const id = pages.items[0]?.id;
    for (const path of [
      '/planner',
      `/planner/${id}`,
      `/planner/${id}?view=week`,
      '/planner/review',
      '/planner/syndication',
    ]) {
      await openSettled(page, `${demo.url}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await context.close();
    const phone = await openPage(browser, PHONE);
    await signIn(phone.page, demo.url, 'demo-institution');
    for (const path of ['/planner', '/planner/review']) {
      await openSettled(phone.page, `${demo.url}${path}`);
      const overflow = await sidewaysScroll(phone.page);
      expect(overflow, path).toBeLessThanOrEqual(1);
    }
    await shot(phone.page, 'planner-phone');
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  }, 120_000);
});
