/// <reference lib="dom" />
// The web app end to end, in Chromium against `publica start` on a demo world: every role lands on its home;
// an operator drills from the country to a school's report card and follows a recommendation to the
// methodology text; the language switches and stays; a regional operator cannot reach another region by
// editing the URL; a registry upload is previewed with its row errors before anything is written; axe-core
// finds no WCAG 2 A/AA violation in either theme. Screenshots of the main screens, desktop and phone, go to
// e2e/screenshots/.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

describe('the web app in a browser', () => {
  let demo: Demo;
  let browser: Browser;

  useDemo((d, b) => {
    demo = d;
    browser = b;
  });

  it('lands each role on its home: operators on their area, page admins on their page', async () => {
    const homes: [string, RegExp][] = [
      ['demo-federal', /Российская Федерация/],
      ['demo-region', /област|край|республик/i],
      ['demo-municipality', /район|округ|город/i],
      ['demo-trainer', /област|край|республик/i],
    ];
    for (const [login, area] of homes) {
      const { page, context, problems } = await openPage(browser);
      await signIn(page, demo.url, login);
      await expect.poll(() => page.locator('h1').first().textContent()).toBe('Моя территория');
      await expect.poll(() => page.getByTestId('area-name').textContent(), { timeout: 15_000 }).toMatch(area);
      expect(await page.getByTestId('level-counts').locator('li').count()).toBe(5);
      if (login === 'demo-federal') await shot(page, 'home-operator-desktop');
      expect(problems, login).toEqual([]);
      await context.close();
    }
    for (const login of ['demo-institution', 'demo-institution-viewer']) {
      const { page, context, problems } = await openPage(browser);
      await signIn(page, demo.url, login);
      await expect.poll(() => page.locator('h1').first().textContent()).toBe('Моя страница');
      await page.getByTestId('fix-first').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('fix-first').locator('li').count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('unanswered').textContent()).toMatch(/^\d+$/);
      if (login === 'demo-institution') await shot(page, 'home-admin-desktop');
      expect(problems, login).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('drills from the country to a school and follows a recommendation to the methodology text', async () => {
    const { page, context, problems } = await openPage(browser);
    await signIn(page, demo.url, 'demo-federal');
    await page.getByRole('link', { name: 'Страна' }).first().click();
    await expect.poll(() => page.getByTestId('unit-title').textContent()).toBe('Российская Федерация');
    await page.locator('.tile-map a').first().waitFor();
    await shot(page, 'country-desktop');
    // Sorting is in the URL, so the sorted view can be shared.
    await page.getByRole('button', { name: /Средний балл/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('score');
    // The URL changes before React renders the sorted rows: wait for the sorted header, then take the first
    // row's name and address at one moment, and follow that very link.
    await page.locator('table.data-table th[aria-sort="ascending"]').waitFor();
    const first = page.locator('table.data-table tbody tr a').first();
    const [regionName, href] = await first.evaluate((a) => [
      a.textContent ?? '',
      a.getAttribute('href') ?? '',
    ]);
    await page.locator(`table.data-table tbody tr a[href="${href}"]`).click();
    await expect.poll(() => page.getByTestId('unit-title').textContent()).toBe(regionName);
    expect(page.url()).toMatch(/\/units\/region\/\d+$/);
    // Presence per network: the demo's schools are on VK, most on OK, some on MAX; the legal duty is VK and OK.
    await expect
      .poll(() => page.getByTestId('network-ok').textContent())
      .toMatch(/Одноклассники: [1-9]\d* из/);
    await expect.poll(() => page.getByTestId('network-max').textContent()).toMatch(/MAX .*: [1-9]\d* из/);
    await expect.poll(() => page.getByTestId('network-duty').textContent()).toMatch(/\(ВК и ОК\)/);
    await shot(page, 'region-desktop');
    const municipality = page.locator('table.data-table tbody tr a').first();
    const municipalityName = (await municipality.textContent()) ?? '';
    await municipality.click();
    // The title names the region too: "<municipality>, <region>".
    await expect.poll(() => page.getByTestId('unit-title').textContent()).toContain(municipalityName);
    await expect
      .poll(() => page.locator('.breadcrumbs li').allTextContents())
      .toEqual(['Страна', regionName, municipalityName]);
    await page.getByRole('link', { name: 'Страницы территории' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('municipality')).toMatch(/^\d+$/);
    const school = page.locator('table.data-table tbody tr a').first();
    await school.click();
    await page.locator('.rule').first().waitFor();
    expect(page.url()).toMatch(/\/pages\/\d+$/);
    expect(await page.getByTestId('vk-link').getAttribute('href')).toMatch(/^https:\/\/vk\.com\//);
    await shot(page, 'report-card-desktop');
    const failed = page.locator('.rule[data-status="fail"]').first();
    const ruleId = ((await failed.getAttribute('id')) ?? '').replace('rule-', '');
    expect(await failed.getByTestId('recommendation').textContent()).toBeTruthy();
    await failed.getByTestId('methodology-link').click();
    await expect.poll(() => page.url()).toContain(`/methodology/2023.1#rule-${ruleId}`);
    // The methodology's own section: while its screen loads lazily, the card (with the same anchor) stays up.
    const section = page.locator(`section.method-rule#rule-${ruleId}`);
    await section.waitFor();
    expect(await section.evaluate((el) => el.classList.contains('highlighted'))).toBe(true);
    expect(await section.locator('p').first().textContent()).toMatch(/Зачем:/);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows the report card of an OK group and a MAX channel, reached from the school’s VK card', async () => {
    const { page, context, problems } = await openPage(browser);
    await signIn(page, demo.url, 'demo-federal');
    // A school with a VK page, a collected OK group and a collected MAX channel.
    const vkPage = await page.evaluate(async () => {
      const list = (await (await fetch('/api/institutions?size=100')).json()) as { items: { id: number }[] };
      for (const { id } of list.items) {
        const one = (await (await fetch(`/api/institutions/${id}`)).json()) as {
          pages: { id: number; platform: string; status: string }[];
        };
        const on = (p: string) => one.pages.find((x) => x.platform === p && x.status === 'active');
        if (on('vk') && on('ok') && on('max')) return on('vk')?.id;
      }
      return null;
    });
    expect(vkPage, 'a demo school on VK, OK and MAX').toBeTruthy();
    await page.goto(`${demo.url}/pages/${vkPage}`);
    for (const network of ['ok', 'max'] as const) {
      await page.getByTestId(`network-card-${network}`).click();
      const card = page.locator(`[data-testid="network-card"][data-network="${network}"]`);
      await card.waitFor({ timeout: 15_000 });
      expect(page.url()).toMatch(/\/pages\/\d+$/);
      // The network's facts, each with the network's field it came from.
      const avatar = page.locator('[data-testid="network-facts"] tr[data-fact="hasAvatar"]');
      await expect.poll(() => avatar.textContent()).toMatch(new RegExp(`${network}:`));
      // Rules that need VK-only data are not applicable here, with why, never failed.
      const notApplicable = page.getByTestId('network-not-applicable');
      await notApplicable.locator('summary').click();
      expect(await notApplicable.locator('.rule').count()).toBeGreaterThan(0);
      expect(await notApplicable.locator('.rule[data-status="fail"]').count()).toBe(0);
      expect(await notApplicable.locator('#rule-state-mark').textContent()).toMatch(/только во ВКонтакте/);
      expect(await page.getByTestId('network-rules').locator('.rule').count()).toBeGreaterThan(0);
      // The institution's roll-up: VK and OK required, MAX recommended; this school meets the legal duty.
      await expect
        .poll(() => page.getByTestId('legal-duty').textContent())
        .toMatch(/\(ВК и ОК\): выполняется/);
      expect(
        await page.locator('[data-testid="network-presence"] li[data-network="max"]').textContent(),
      ).toMatch(/рекомендована/);
      await shot(page, `report-card-${network}-desktop`);
      await page.goBack();
      await page.getByTestId('vk-link').waitFor();
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('switches the language, and keeps it after a reload', async () => {
    const { page, context, problems } = await openPage(browser);
    await signIn(page, demo.url, 'demo-region');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Моя территория');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('My area');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('My area');
    await page.getByRole('link', { name: 'Institutions and pages' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Institutions and pages');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Учреждения и страницы');
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('keeps a regional operator out of other regions, whatever the URL says', async () => {
    const federal = await openPage(browser);
    await signIn(federal.page, demo.url, 'demo-federal');
    const regions = (await federal.page.evaluate(async () => {
      const res = await fetch('/api/rollups');
      return ((await res.json()) as { rows: { key: string }[] }).rows.map((r) => r.key);
    })) as string[];
    await federal.context.close();
    const { page, context } = await openPage(browser);
    await signIn(page, demo.url, 'demo-region');
    const own = await page.evaluate(
      async () =>
        ((await (await fetch('/api/auth/me')).json()) as { scope: { regionCode: string } }).scope.regionCode,
    );
    const other = regions.find((r) => r !== own) as string;
    expect(other).toBeTruthy();
    await page.goto(`${demo.url}/units/region/${other}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Не найдено/);
    const foreignPage = await page.evaluate(async (code) => {
      // A page of the other region, found the only way an outsider could: by guessing ids.
      for (let id = 1; id < 400; id++) {
        const res = await fetch(`/api/pages/${id}`);
        if (res.status === 200) {
          const body = (await res.json()) as { institution?: { regionCode: string } };
          if (body.institution?.regionCode === code) return id;
        }
      }
      return null;
    }, other);
    expect(foreignPage).toBeNull();
    await page.goto(`${demo.url}/pages?region=${other}`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Не найдено/);
    await context.close();
  }, 60_000);

  it('previews a registry upload with its row errors, writing nothing', async () => {
    const { page, context, problems } = await openPage(browser);
    await signIn(page, demo.url, 'demo-federal');
    const count = () =>
      page.evaluate(
        async () => ((await (await fetch('/api/institutions?size=1')).json()) as { total: number }).total,
      );
    const before = await count();
    await page.getByRole('link', { name: 'Загрузка реестра' }).click();
    const csv = [
      'inn;ogrn;full_name;short_name;kind;region_code;municipality;vk_url',
      '7701234567;1027700000001;Школа без ошибок;Школа 1;school;77;Тестовый район;https://vk.com/test_school_1',
      '123;1;;Плохая;unknown;999;;not a url',
    ].join('\n');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'registry.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByTestId('upload-report').waitFor();
    expect(await page.locator('table.data-table tbody tr').count()).toBeGreaterThan(0);
    expect(
      await page.locator('table.data-table tbody tr').first().locator('td').first().textContent(),
    ).toMatch(/^\d+$/);
    expect(await page.getByRole('button', { name: 'Загрузить' }).isDisabled()).toBe(true);
    await shot(page, 'upload-preview-desktop');
    expect(await count()).toBe(before);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('renders the main screens on a phone without horizontal scrolling of the page', async () => {
    const { page, context, problems } = await openPage(browser, PHONE);
    await signIn(page, demo.url, 'demo-federal');
    for (const [name, path] of [
      ['home-operator-phone', '/'],
      ['country-phone', '/units/country'],
      ['pages-phone', '/pages'],
    ] as const) {
      await openSettled(page, `${demo.url}${path}`);
      const overflow = await sidewaysScroll(page);
      expect(overflow, name).toBeLessThanOrEqual(1);
      await shot(page, name);
    }
    await page.locator('table.data-table tbody tr a').first().click();
    await page.locator('.rule').first().waitFor();
    await shot(page, 'report-card-phone');
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it('meets WCAG 2 A and AA on the main screens, light and dark (axe-core), and switches the theme', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      // axe is injected as a script of its own, which the app's CSP rightly forbids; only this context skips it.
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await signIn(page, demo.url, 'demo-federal');
      if (scheme === 'dark') {
        await page.getByTestId('theme-switch').click();
        await expect
          .poll(() => page.evaluate(() => document.querySelector('.vkui--vkBase--dark') !== null))
          .toBe(true);
        await shot(page, 'home-operator-dark');
      }
      for (const path of ['/', '/units/country', '/pages', '/inbox', '/methodology', '/registry/upload']) {
        await openSettled(page, `${demo.url}${path}`);
        const violations = await axeViolations(page);
        expect(violations, `${scheme} ${path}`).toEqual([]);
      }
      await context.close();
    }
  }, 120_000);

  it('answers a question from the inbox: the answer goes to VK and the question leaves the new ones', async () => {
    const { page, context, problems } = await openPage(browser);
    await signIn(page, demo.url, 'demo-municipality');
    await page.getByRole('link', { name: 'Вопросы' }).click();
    await page.getByTestId('inbox-figures').waitFor();
    // A work queue: rows collapsed to who and what, one opened at a time.
    const first = page.getByTestId('inbox-list').locator('li.queue-row').first();
    await first.waitFor();
    const id = (await first.getAttribute('data-comment')) as string;
    const question = (await first.locator('.queue-snippet').textContent()) ?? '';
    const summary = first.locator('button.queue-summary');
    if ((await summary.getAttribute('aria-expanded')) !== 'true') await summary.click();
    await shot(page, 'inbox-desktop');
    await first.locator('textarea').first().fill('Здравствуйте! Ответили в сообщении выше, ждём вас.');
    await first.getByRole('button', { name: 'Отправить' }).click();
    // The reply goes to the simulated VK, then the queue is counted again (deadlines over the area's threads):
    // beside the suite's scale tests that takes many seconds, so wait as long as the phone walk does.
    await page.getByText('Ответ опубликован на VK').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator(`li[data-comment="${id}"]`).count(), { timeout: 60_000 }).toBe(0);
    await page.goto(`${demo.url}/inbox?status=answered&q=${encodeURIComponent(question.slice(0, 40))}`);
    await page.getByTestId('inbox-list').waitFor();
    expect(await page.locator(`li[data-comment="${id}"]`).getAttribute('data-status')).toBe('answered');
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
