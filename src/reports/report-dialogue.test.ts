// The report's dialogue section on both dialects: response times of comments and community messages counted
// together and apart over the run's period, equal to the inbox's own metrics, rendered with no message text.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiWorld, apiWorld } from '../../test/api.ts';
import { describeEachDialect } from '../../test/db.ts';
import { inboxMetrics } from '../inbox/index.ts';
import { renderReportHtml } from './report.html.ts';
import { unitReport } from './unit-report.service.ts';

const HOUR = 3600;

describeEachDialect(
  'report dialogue section',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 30 });
    });
    afterAll(() => w?.close());

    it('counts messages and comments together and apart, as the inbox metrics do, without message text', async () => {
      const region = { level: 'region' as const, regionCode: w.a.regionCode };
      const before = await unitReport(ctx.db, { level: 'country' }, region);
      const end = before.run?.periodEnd ?? 0;
      expect(before.dialogue.comments.questions).toBeGreaterThan(0);
      // Two parents write to region A's page: one is answered two hours later, one waits past its deadline.
      const message = (peer: number, vk: number, out: boolean, at: number, text: string) => ({
        page_id: w.a.pageId,
        peer_id: peer,
        vk_id: vk,
        from_id: out ? -1 : peer,
        is_out: out ? (1 as const) : (0 as const),
        text,
        sent_at: at,
        stored_at: at,
      });
      await ctx.db.kysely
        .insertInto('inbox_messages')
        .values([
          message(9001, 1, false, end - 5 * 24 * HOUR, 'Тайное письмо: как записать сына в кружок?'),
          message(9001, 2, true, end - 5 * 24 * HOUR + 2 * HOUR, 'Запись до пятницы у секретаря.'),
          message(9002, 3, false, end - 4 * 24 * HOUR, 'Тайное письмо: когда собрание?'),
        ])
        .execute();

      const report = await unitReport(ctx.db, { level: 'country' }, region);
      const d = report.dialogue;
      expect(d.messages).toMatchObject({ questions: 2, answered: 1, overdue: 1 });
      expect(d.comments).toEqual(before.dialogue.comments);
      expect(d.total.questions).toBe(d.comments.questions + d.messages.questions);
      expect(d.total.answered).toBe(d.comments.answered + d.messages.answered);
      expect(d.total.overdue).toBe(d.comments.overdue + d.messages.overdue);
      // The same numbers as the inbox's metrics over the same window.
      const days = Math.ceil(((report.run?.periodEnd ?? 0) - (report.run?.periodStart ?? 0)) / 86_400);
      const m = await inboxMetrics(ctx.db, { userId: 0, scope: region }, { days }, end);
      expect(d).toEqual({ total: m.total, comments: m.byKind.comments, messages: m.byKind.messages });

      const ru = await renderReportHtml(report, 'ru');
      const section = ru.slice(ru.indexOf('<section id="dialogue">'));
      expect(section).toContain('Диалог: скорость ответов');
      expect(section).toContain('Сообщения');
      expect(section).toContain('Комментарии');
      expect(ru).not.toContain('Тайное письмо');
      expect(await renderReportHtml(report, 'en')).toContain('Dialogue: response times');
    });
  },
  { shared: true },
);
