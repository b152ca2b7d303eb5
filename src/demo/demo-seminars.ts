// The demo's training story: the world's past seminars with their attendees (whose pages have posted better
// since), the audit before them so their effect can be measured, and one upcoming seminar for the demo region's
// weakest pages with its invitations sent.
import { parsePeriod, runAudit } from '../audit/index.ts';
import type { MethodologyVersion } from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';
import { COUNTRY } from '../platform/scope.ts';
import { invite, planSeminar, recordPastSeminar, type SeminarInput } from '../training/index.ts';
import type { LoadedWorld } from '../vk-sim/index.ts';
import { doneAuditEnding, seminarTitled } from './demo.repo.ts';

const DAY = 86_400;
const isoDay = (unix: number) => new Date(unix * 1000).toISOString().slice(0, 10);

/** The audit of the period that ends the day the story's seminars were held (once: a restart reuses it). */
export async function auditBeforeSeminars(db: Db, world: LoadedWorld, version: MethodologyVersion) {
  const first = world.seminars[0];
  if (!first) return null;
  const asOf = Date.parse(`${world.meta.asOf}T00:00:00Z`) / 1000;
  const period = parsePeriod(undefined, version.defaultPeriodDays, isoDay(asOf - (first.days_ago + 1) * DAY));
  const done = await doneAuditEnding(db, period.end);
  return done ? null : runAudit(db, { version, period });
}

const base = (regionCode: string): Omit<SeminarInput, 'title' | 'startsLocal' | 'audience'> => ({
  programme: ['activity', 'content', 'dialogue'],
  organiserKind: 'regional_centre',
  organiser: 'Региональный центр управления',
  trainers: ['Иванова Анна Сергеевна', 'Петров Илья Николаевич'],
  format: 'online',
  link: 'https://vk.com/video-100000_456239017',
  durationMinutes: 90,
  regionCode,
  capacity: 200,
});

/** Records the story's seminars and plans the upcoming one (each once); returns how many were new. */
export async function ensureDemoSeminars(db: Db, world: LoadedWorld): Promise<number> {
  const asOf = Date.parse(`${world.meta.asOf}T00:00:00Z`) / 1000;
  const now = Math.floor(Date.now() / 1000);
  let created = 0;
  for (const s of world.seminars) {
    const result = await recordPastSeminar(
      db,
      {
        ...base(s.region_code),
        title: 'Госпаблик школы: регулярность, опросы и ответы на вопросы',
        startsLocal: `${isoDay(asOf - s.days_ago * DAY)}T15:00`,
        audience: { levels: ['business_card', 'basic'] },
      },
      { invited: s.invited, attended: s.attended },
      now,
    );
    if (result.created) created++;
  }
  const region = world.seminars[0]?.region_code;
  if (!region) return created;
  const upcoming = {
    ...base(region),
    title: 'Первые шаги: как оживить страницу учреждения',
    programme: ['identity', 'activity', 'safety'],
    capacity: 25,
    startsLocal: `${isoDay(asOf + 10 * DAY)}T15:00`,
    audience: { levels: ['inactive', 'business_card'] },
  };
  const known = await seminarTitled(db, upcoming.title, region);
  if (!known) {
    const id = await planSeminar(db, { userId: null, scope: COUNTRY }, upcoming, now);
    await invite(db, { userId: null, scope: COUNTRY }, id, now);
    created++;
  }
  return created;
}
