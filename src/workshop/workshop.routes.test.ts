import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/api.ts';
import { describeEachDialect } from '../../test/db.ts';
import { testQueue } from '../../test/job-queues.ts';
import { auditJobs } from '../audit/index.ts';
import { listVersionIds, shippedVersion } from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';
import { loadPublishedVersions } from './index.ts';

const PERIOD = '2026-10-31..2026-11-29';

/** A worker of the audit queues, as the worker role runs them (published versions read before each job). */
async function auditWorker(db: Db, dialect: string) {
  const queue = testQueue(dialect === 'postgres' ? 'pg-boss' : 'db', db);
  await queue.start();
  for (const d of auditJobs(db, queue, { refresh: () => loadPublishedVersions(db) })) {
    await queue.createQueue(d.queue, d.options);
    await queue.work(d.queue, { concurrency: 1 }, d.handler);
  }
  return queue;
}

describeEachDialect(
  "the methodologist's workshop through the API",
  (ctx) => {
    let w: ApiWorld;
    // Published versions are registered in the process; each dialect forks under its own id.
    const id = `2023.1-5pw-${ctx.dialect}`;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 30 });
    }, 120_000);
    afterAll(async () => {
      await w?.close();
    });
    const as = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      w.as('methodologist', { method, url, ...(payload ? { payload } : {}) });

    it('lets only the methodologist fork; the fork is a draft under the new id, and ids are unique', async () => {
      const denied = await w.as('federal', {
        method: 'POST',
        url: '/api/methodology/workshop',
        payload: { from: '2023.1', id },
      });
      expect(denied.statusCode).toBe(403);
      const res = await as('POST', '/api/methodology/workshop', { from: '2023.1', id });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ id, basedOn: '2023.1', status: 'draft', publishedAt: null });
      expect((await as('POST', '/api/methodology/workshop', { from: '2023.1', id })).statusCode).toBe(409);
      expect(
        (await as('POST', '/api/methodology/workshop', { from: '2023.1', id: '2023.1' })).statusCode,
      ).toBe(409);
      expect((await as('POST', '/api/methodology/workshop', { from: '2023.1', id: 'a b' })).statusCode).toBe(
        400,
      );
      expect(
        (await as('POST', '/api/methodology/workshop', { from: 'nope', id: `${id}-x` })).statusCode,
      ).toBe(404);
    });

    it('lints every change, naming the rule and field, and saves nothing that fails', async () => {
      const lint = await as('POST', `/api/methodology/workshop/${id}/lint`, {
        rules: { 'posting-frequency': { params: { perWeek: -1 } }, 'no-such-rule': { weight: 1 } },
      });
      expect(lint.statusCode).toBe(200);
      expect(lint.json().problems).toEqual([
        {
          file: `workshop:${id}`,
          rule: 'no-such-rule',
          field: 'id',
          message: 'no such rule in this version',
        },
      ]);
      const bad = await as('PATCH', `/api/methodology/workshop/${id}`, {
        rules: { 'posting-frequency': { params: { perWeek: -1 } } },
      });
      expect(bad.statusCode).toBe(400);
      const details = bad.json().error.details as { rule?: string; field: string }[];
      expect(details.length).toBeGreaterThan(0);
      expect(details[0]).toMatchObject({
        rule: 'posting-frequency',
        field: expect.stringContaining('params.perWeek'),
      });
      const after = (await as('GET', `/api/methodology/workshop/${id}`)).json();
      expect(after.rules.find((r: { id: string }) => r.id === 'posting-frequency').params).toEqual({
        perWeek: 3,
      });
      const untranslated = await as('PATCH', `/api/methodology/workshop/${id}`, {
        rules: { 'posting-frequency': { title: { ru: 'Не реже {param.nope} постов' } } },
      });
      expect(untranslated.statusCode).toBe(400);
      expect(
        (await as('GET', `/api/methodology/workshop/${id}`)).json().rules[0].texts.title.ru,
      ).not.toContain('nope');
    });

    it("reads and changes a rule's texts in both languages, linted like its parameters", async () => {
      const before = (await as('GET', `/api/methodology/workshop/${id}`)).json();
      const avatar = before.rules.find((r: { id: string }) => r.id === 'avatar');
      expect(Object.keys(avatar.texts).sort()).toEqual([
        'failureTitle',
        'help',
        'rationale',
        'recommendation',
        'title',
      ]);
      expect(avatar.texts.title).toEqual({ ru: 'Есть аватар', en: 'An avatar is set' });
      const lint = await as('POST', `/api/methodology/workshop/${id}/lint`, {
        rules: { avatar: { recommendation: { en: 'Upload the {registrySite} logo' } } },
      });
      expect(lint.json().problems).toEqual([
        expect.objectContaining({ rule: 'avatar', field: expect.stringContaining('recommendation') }),
      ]);
      const saved = await as('PATCH', `/api/methodology/workshop/${id}`, {
        rules: { avatar: { title: { ru: 'Аватар установлен' }, help: { en: 'Upload a square logo.' } } },
      });
      expect(saved.statusCode).toBe(200);
      const after = saved.json().rules.find((r: { id: string }) => r.id === 'avatar');
      expect(after.texts.title).toEqual({ ru: 'Аватар установлен', en: 'An avatar is set' });
      expect(after.texts.help.en).toBe('Upload a square logo.');
      expect(after.texts.help.ru).toBe(avatar.texts.help.ru);
    });

    it('saves 5 posts a week, previews it on current data, publishes it and re-audits: titles say 5', async () => {
      const saved = await as('PATCH', `/api/methodology/workshop/${id}`, {
        rules: { 'posting-frequency': { params: { perWeek: 5 }, scoring: { type: 'ratio', target: 5 } } },
      });
      expect(saved.statusCode).toBe(200);
      const preview = await as('GET', `/api/methodology/workshop/${id}/preview?period=${PERIOD}`);
      expect(preview.statusCode).toBe(200);
      const p = preview.json();
      expect(p).toMatchObject({ before: '2023.1', after: id });
      expect(p.pages).toBeGreaterThan(0);
      const rule = p.rules.find((r: { rule: string }) => r.rule === 'posting-frequency');
      expect(rule.passAfter).toBeLessThanOrEqual(rule.passBefore);
      expect(p.levels.reduce((s: number, l: { before: number }) => s + l.before, 0)).toBe(p.pages);
      expect(p.levels.reduce((s: number, l: { after: number }) => s + l.after, 0)).toBe(p.pages);
      expect(p.regions.reduce((s: number, r: { changed: number }) => s + r.changed, 0)).toBe(p.changed);

      const diff = (await as('GET', `/api/methodology/diff?a=2023.1&b=${id}`)).json();
      expect(diff.changed).toContainEqual({
        rule: 'posting-frequency',
        field: 'params',
        from: { perWeek: 3 },
        to: { perWeek: 5 },
      });

      expect(
        (await as('POST', `/api/methodology/workshop/${id}/audits`, { period: PERIOD })).statusCode,
      ).toBe(409);
      const published = await as('POST', `/api/methodology/workshop/${id}/publish`);
      expect(published.statusCode).toBe(200);
      expect(published.json().status).toBe('published');
      expect(listVersionIds()).toContain(id);
      expect(shippedVersion(id).status).toBe('published');
      const frozen = await as('PATCH', `/api/methodology/workshop/${id}`, {
        rules: { 'posting-frequency': { weight: 1 } },
      });
      expect(frozen.statusCode).toBe(409);
      const listed = (
        await w.as('federal_viewer', { method: 'GET', url: '/api/methodology/versions?lang=ru' })
      ).json();
      expect(listed.items.map((v: { id: string }) => v.id)).toContain(id);
      // The version's own texts read with its thresholds: "5 posts a week", never a placeholder.
      const read = (
        await w.as('federal_viewer', { method: 'GET', url: `/api/methodology/versions/${id}?lang=ru` })
      ).json();
      const titles = read.ruleList.map((r: { title: string }) => r.title).join('\n');
      expect(titles).toContain('Не реже 5 постов в неделю');
      expect(titles).not.toContain('{');

      // The re-audit is a background job: queued at once, not queued twice, done by a worker of the audit queue.
      const asked = await as('POST', `/api/methodology/workshop/${id}/audits`, { period: PERIOD });
      expect(asked.statusCode).toBe(202);
      const { jobId } = asked.json();
      expect(asked.json()).toMatchObject({ queued: true, version: id });
      const again = await as('POST', `/api/methodology/workshop/${id}/audits`, { period: PERIOD });
      expect(again.json()).toMatchObject({ queued: false, jobId: null });
      const statusUrl = `/api/methodology/workshop/${id}/audits/${jobId}`;
      expect((await as('GET', statusUrl)).json()).toMatchObject({ state: 'queued', runId: null });
      expect((await as('GET', `/api/methodology/workshop/2023.1/audits/${jobId}`)).statusCode).toBe(404);
      const worker = await auditWorker(ctx.db, ctx.dialect);
      try {
        await expect
          .poll(async () => (await as('GET', statusUrl)).json().state, { timeout: 90_000, interval: 100 })
          .toBe('done');
      } finally {
        await worker.stop();
      }
      const status = (await as('GET', statusUrl)).json();
      expect(status).toMatchObject({ version: id, pagesDone: p.pages, pagesTotal: p.pages });
      // A re-audit asked while the same one (version, period, region) runs names that run and queues nothing.
      const period = asked.json().period as { start: number; end: number };
      const running = await ctx.db.kysely
        .insertInto('audit_runs')
        .values({
          methodology_version: id,
          methodology_hash: 'x',
          period_start: period.start,
          period_end: period.end,
          scope: `region:${w.a.regionCode}`,
          status: 'running',
          started_at: period.end,
          pages_total: 1,
          pages_done: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const busy = await as('POST', `/api/methodology/workshop/${id}/audits`, {
        period: PERIOD,
        region: w.a.regionCode,
      });
      expect(busy.json()).toMatchObject({ queued: false, jobId: null, runId: running.id });
      await ctx.db.kysely
        .updateTable('audit_runs')
        .set({ status: 'failed' })
        .where('id', '=', running.id)
        .execute();
      const report = await w.as('institution', {
        method: 'GET',
        url: `/api/pages/${w.a.pageId}/report?run=${status.runId}&lang=ru`,
      });
      expect(report.statusCode).toBe(200);
      const text = JSON.stringify(report.json());
      expect(text).toContain('5 постов в неделю');
      expect(text).not.toContain('3 постов в неделю');
      // The page card's own history stays with the region's version: the fork's run is not mixed in.
      const card = (await w.as('institution', { method: 'GET', url: `/api/pages/${w.a.pageId}` })).json();
      expect(card.historyVersion).toBe('2023.1');
      expect(card.history.length).toBeGreaterThan(0);
      expect(card.history.map((h: { runId: number }) => h.runId)).not.toContain(status.runId);
    });
  },
  { shared: true },
);
