// The demo's planner: the demo contributor proposes for the demo page admin's page, which has a proposal
// waiting, a poll scheduled for next week and a weekly digest in the drafts — so the calendar, the review and
// the publishing have something to show from the first start. Done once; a restart changes nothing.
import crypto from 'node:crypto';
import { createUsers } from '../auth/index.ts';
import { insertContributor, insertDraft, pagesOfContributor } from '../planner/index.ts';
import { CONSOLE_ACTOR } from '../platform/audit-log.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { COUNTRY } from '../platform/scope.ts';
import { pagesOfInstitution } from '../registry/index.ts';

export async function ensureDemoPlanner(db: Db, institutionId: number, now: number): Promise<boolean> {
  const page = (await pagesOfInstitution(db, institutionId)).find((p) => p.platform === 'vk');
  const contributor = await createUsers(db)
    .findByLogin({ ...CONSOLE_ACTOR, scope: COUNTRY }, 'demo-contributor')
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
  if (!page || !contributor) return false;
  if ((await pagesOfContributor(db, contributor.id)).includes(page.id)) return false;
  await insertContributor(db, {
    page_id: page.id,
    user_id: contributor.id,
    kind: 'pupil',
    invited_by: null,
    created_at: now,
  });
  const day = 86_400;
  const base = {
    page_id: page.id,
    rubric: null,
    status: 'draft' as const,
    created_at: now,
    updated_at: now,
    author_id: null,
  };
  const drafts: Parameters<typeof insertDraft>[1][] = [
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
  ];
  for (const draft of drafts) await insertDraft(db, draft);
  return true;
}
