// What to alert people about outside the app: immediately, a threat or a child's personal data in a new comment
// (e-mail to each person who wants it and whose scope holds the page, and the region's webhooks); once a day, a
// digest for operators (overdue answers, safety flags, pages silent for a week). Each event gets a unique key per
// target, so it is sent once however often this runs.
import { scopeOfRow } from '../auth/index.ts';
import { inboxMetrics, safetyFlags } from '../inbox/index.ts';
import type { Db } from '../platform/db.ts';
import { BY_INSTITUTION, inScope, scopeContains } from '../platform/scope.ts';
import { pagesFallingALevel } from './alerts.repo.ts';
import { queueAlert } from './deliveries.ts';

const DAY = 86_400;
const CHILD_DATA = new Set(['child_name', 'health']);

async function recipients(db: Db, kind: 'immediate' | 'digest') {
  const rows = await db.kysely
    .selectFrom('alert_preferences')
    .innerJoin('users', 'users.id', 'alert_preferences.user_id')
    .select([
      'users.id',
      'users.region_code',
      'users.municipality_id',
      'users.institution_id',
      'alert_preferences.email',
    ])
    .where(`alert_preferences.${kind}`, '=', 1)
    .where('users.disabled', '=', 0)
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, scope: scopeOfRow(r) }));
}

/** Queues immediate alerts for threats and a child's data in comments of the last `windowDays`. */
export async function queueImmediateAlerts(db: Db, now: number, windowDays = 2): Promise<number> {
  const comments = await db.kysely
    .selectFrom('comments')
    .innerJoin('pages', 'pages.id', 'comments.page_id')
    .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
    .select([
      'comments.id',
      'comments.text',
      'comments.posted_at',
      'pages.url',
      'institutions.id as institution_id',
      'institutions.region_code',
      'institutions.municipality_id',
      'institutions.short_name',
    ])
    .where('comments.posted_at', '>=', now - windowDays * DAY)
    .where('comments.is_from_community', '=', 0)
    .execute();
  const people = await recipients(db, 'immediate');
  const hooks = await db.kysely.selectFrom('alert_webhooks').selectAll().execute();
  let queued = 0;
  for (const c of comments) {
    const flags = safetyFlags(c.text);
    const kinds = new Set<string>();
    if (flags.some((f) => f.kind === 'threat')) kinds.add('threat');
    if (flags.some((f) => f.kind === 'personal_data' && CHILD_DATA.has(f.detail))) kinds.add('child_data');
    for (const kind of kinds) {
      const what = kind === 'threat' ? 'Угроза в комментарии' : 'Персональные данные ребёнка в комментарии';
      const subject = `Publica: ${what} — ${c.short_name ?? c.url}`;
      const body = `${what}.\nСтраница: ${c.url}\nТекст: ${c.text}\n\nОткройте входящие Publica, чтобы ответить или скрыть комментарий.`;
      const at = {
        regionCode: c.region_code,
        municipalityId: c.municipality_id,
        institutionId: c.institution_id,
      };
      for (const p of people.filter((p) => scopeContains(p.scope, at)))
        if (
          await queueAlert(
            db,
            {
              key: `immediate:${kind}:comment:${c.id}:user:${p.id}`,
              channel: 'email',
              target: p.email,
              subject,
              body,
            },
            now,
          )
        )
          queued++;
      for (const h of hooks.filter((h) => h.region_code === c.region_code)) {
        const payload = JSON.stringify({
          event: kind,
          commentId: c.id,
          page: c.url,
          text: c.text,
          postedAt: c.posted_at,
        });
        if (
          await queueAlert(
            db,
            {
              key: `immediate:${kind}:comment:${c.id}:webhook:${h.id}`,
              channel: 'webhook',
              target: h.url,
              subject,
              body: payload,
            },
            now,
          )
        )
          queued++;
      }
    }
  }
  return queued;
}

/** Queues the day's digest for each operator who wants it; `day` (YYYY-MM-DD) keys it, so one digest a day. */
export async function queueDailyDigest(db: Db, now: number, day: string): Promise<number> {
  let queued = 0;
  for (const p of await recipients(db, 'digest')) {
    const caller = { userId: p.id, scope: p.scope };
    const metrics = await inboxMetrics(db, caller, { days: 60 }, now);
    const pages = await db.kysely
      .selectFrom('pages')
      .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
      .leftJoin('posts', 'posts.page_id', 'pages.id')
      .select(['pages.url', (eb) => eb.fn.max('posts.posted_at').as('last')])
      .where(inScope(p.scope, BY_INSTITUTION))
      .groupBy('pages.url')
      .execute();
    const silent = pages.filter((r) => r.last === null || Number(r.last) < now - 7 * DAY);
    const fell = await pagesFallingALevel(db, p.scope);
    const body = [
      `Сводка Publica за ${day}`,
      `Просроченные ответы: ${metrics.alerts.overdue}`,
      `Новые отметки безопасности: ${metrics.alerts.flaggedVisible}`,
      `Страницы без публикаций неделю и дольше: ${silent.length}`,
      ...silent.slice(0, 20).map((s) => `  ${s.url}`),
      `Страницы, опустившиеся на уровень ниже: ${fell.length}`,
      ...fell.slice(0, 20).map((f) => `  ${f.url}: ${f.from} → ${f.to}`),
    ].join('\n');
    if (
      await queueAlert(
        db,
        {
          key: `digest:${day}:user:${p.id}`,
          channel: 'email',
          target: p.email,
          subject: `Publica: сводка за ${day}`,
          body,
        },
        now,
      )
    )
      queued++;
  }
  return queued;
}
