// The demo's planner: the demo contributor proposes for the demo page admin's page, which has a proposal
// waiting, a poll scheduled for next week and a weekly digest in the drafts — so the calendar, the review and
// the publishing have something to show from the first start. Done once; a restart changes nothing.
import crypto from 'node:crypto';
import type { Db } from '../platform/db.ts';

export async function ensureDemoPlanner(db: Db, institutionId: number, now: number): Promise<boolean> {
  const page = await db.kysely
    .selectFrom('pages')
    .select('id')
    .where('institution_id', '=', institutionId)
    .where('platform', '=', 'vk')
    .orderBy('id')
    .executeTakeFirst();
  const contributor = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('login', '=', 'demo-contributor')
    .executeTakeFirst();
  if (!page || !contributor) return false;
  const known = await db.kysely
    .selectFrom('planner_contributors')
    .select('id')
    .where('page_id', '=', page.id)
    .where('user_id', '=', contributor.id)
    .executeTakeFirst();
  if (known) return false;
  await db.kysely
    .insertInto('planner_contributors')
    .values({ page_id: page.id, user_id: contributor.id, kind: 'pupil', invited_by: null, created_at: now })
    .execute();
  const day = 86_400;
  const base = {
    page_id: page.id,
    rubric: null,
    status: 'draft' as const,
    created_at: now,
    updated_at: now,
    author_id: null,
  };
  await db.kysely
    .insertInto('planner_drafts')
    .values([
      {
        ...base,
        kind: 'text',
        title: 'Школьный субботник',
        text: 'В субботу ученики 7 «Б» навели порядок в школьном сквере и посадили 12 саженцев. Спасибо всем!',
        rubric: 'жизнь_школы',
        content_json: JSON.stringify({ photos: [] }),
        planned_at: now + 2 * day,
        status: 'proposed',
        author_id: contributor.id,
        idempotency_key: crypto.randomUUID(),
      },
      {
        ...base,
        kind: 'poll',
        title: 'Опрос о времени собрания',
        text: 'Уважаемые родители! Выберите удобное время родительского собрания.',
        rubric: 'опрос',
        content_json: JSON.stringify({
          photos: [],
          poll: {
            question: 'Когда вам удобно?',
            options: ['В 17:00', 'В 18:30', 'В субботу'],
            multiple: false,
            endsAt: 0,
          },
        }),
        planned_at: now + 7 * day,
        status: 'scheduled',
        idempotency_key: crypto.randomUUID(),
      },
      {
        ...base,
        kind: 'text',
        title: 'Итоги недели',
        text: 'Итоги недели: олимпиада по математике, экскурсия в музей, день открытых дверей.',
        rubric: 'итоги_недели',
        content_json: JSON.stringify({ photos: [] }),
        planned_at: now + 4 * day,
        template_id: 'weekly-digest',
        idempotency_key: crypto.randomUUID(),
      },
    ])
    .execute();
  return true;
}
