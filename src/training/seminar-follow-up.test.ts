// What follows a seminar, on both dialects over a demo world whose story has a past seminar: its attendees'
// pages improve, and the measured effect says so; reminders go once to the registered; notifications of
// invitations and freed seats; materials and feedback; attendance from an uploaded list that names bad rows and
// changes nothing; the certificate's PDF and its public check; calling a seminar off; the effect of a period.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { pdfFonts, pdfPages } from '../../test/pdf-text.ts';
import { parsePeriod, runAudit } from '../audit/index.ts';
import { loadWorld } from '../collect/index.ts';
import { loadVersion } from '../methodology/index.ts';
import { COUNTRY, type Scope } from '../platform/scope.ts';
import { closePdfBrowser } from '../reports/index.ts';
import { generateWorld, wallOf, writeWorld } from '../vk-sim/index.ts';
import {
  addMaterial,
  certificatePdf,
  feedbackSummary,
  giveFeedback,
  sendSeminarReminders,
  uploadAttendance,
} from './seminar-follow-up.service.ts';
import {
  cancel,
  cancelSeminar,
  getSeminar,
  invite,
  periodEffect,
  planSeminar,
  recordAttendance,
  recordPastSeminar,
  register,
  type SeminarInput,
  seminarEffect,
  verifyCertificate,
} from './training.service.ts';

const ASOF = '2026-11-29';
const world = generateWorld({ institutions: 400, regions: 1, seed: 5, asOf: ASOF, days: 120, seminars: 1 });
const story = world.seminars[0];
const REGION = story?.region_code as string;
const federal = { userId: null, scope: COUNTRY };
const DAY = 86_400;
const asOf = Date.parse(`${ASOF}T00:00:00Z`) / 1000;
const seminarDay = new Date((asOf - (story?.days_ago ?? 0) * DAY) * 1000).toISOString().slice(0, 10);
let dir: string;

const input = (over: Partial<SeminarInput> = {}): SeminarInput => ({
  title: 'Госпаблик: регулярность и диалог',
  programme: ['activity', 'dialogue'],
  organiserKind: 'regional_centre',
  organiser: 'ЦУР',
  trainers: ['Иванова А. А.'],
  format: 'online',
  link: 'https://vk.com/video-1_1',
  startsLocal: `${seminarDay}T15:00`,
  durationMinutes: 90,
  regionCode: REGION,
  capacity: 500,
  audience: { levels: ['business_card', 'basic'] },
  ...over,
});

const institutionScope = (id: number): Scope => ({
  level: 'institution',
  regionCode: REGION,
  municipalityId: null,
  institutionId: id,
});

beforeAll(() => {
  dir = tempDir();
  writeWorld(dir, world);
});
afterAll(() => closePdfBrowser());

it('the story’s attendees post more after the seminar, and pages outside the story grow as before', () => {
  const plain = generateWorld({ institutions: 400, regions: 1, seed: 5, asOf: ASOF, days: 120 });
  const trained = world.communities.filter((c) => c.trained_days_ago !== undefined);
  expect(trained.length).toBe(story?.attended.length);
  expect(trained.length).toBeGreaterThan(10);
  const cut = asOf - (story?.days_ago ?? 0) * DAY;
  let before = 0;
  let after = 0;
  for (const c of trained) {
    const posts = wallOf(c, world.meta).posts;
    before += posts.filter((p) => p.date < cut && p.date >= cut - 45 * DAY).length;
    after += posts.filter((p) => p.date >= cut).length;
  }
  expect(after).toBeGreaterThan(before * 1.5);
  // A page the story left alone has exactly the wall it has in a world with no seminars.
  const untouched = world.communities.find((c) => c.trained_days_ago === undefined);
  const same = plain.communities.find((c) => c.id === untouched?.id);
  expect(untouched && same && wallOf(untouched, world.meta)).toEqual(same && wallOf(same, plain.meta));
});

describeEachDialect('seminar follow-up', (ctx) => {
  const version = loadVersion('2023.1');
  beforeEach(async () => {
    await loadWorld(ctx.db, dir);
    const dayBefore = new Date((asOf - ((story?.days_ago ?? 0) + 1) * DAY) * 1000).toISOString().slice(0, 10);
    await runAudit(ctx.db, { version, period: parsePeriod('30d', 30, dayBefore) });
    await runAudit(ctx.db, { version, period: parsePeriod('30d', 30, '2026-11-28') });
  });

  const idsOf = async (inns: string[]) =>
    (
      await ctx.db.kysely.selectFrom('institutions').select(['id', 'inn']).where('inn', 'in', inns).execute()
    ).map((r) => r.id);

  it('measures the story’s seminar: a clear gain on the score and on posting frequency', async () => {
    const { id, created } = await recordPastSeminar(
      ctx.db,
      input(),
      { invited: story?.invited ?? [], attended: story?.attended ?? [] },
      asOf,
    );
    expect(created).toBe(true);
    expect((await recordPastSeminar(ctx.db, input(), { invited: [], attended: [] }, asOf)).created).toBe(
      false,
    );
    const effect = await seminarEffect(ctx.db, federal, id);
    expect(effect.score.treated + effect.score.unmatched).toBe(story?.attended.length);
    expect(effect.score.low as number).toBeGreaterThan(0);
    const frequency = effect.rules.find((r) => r.ruleId === 'posting-frequency');
    expect(frequency?.low as number).toBeGreaterThan(0);
    // The period's effect over the same single seminar is the same estimate.
    const period = await periodEffect(ctx.db, federal, asOf - 60 * DAY, asOf);
    expect(period.seminars).toBe(1);
    expect(period.score.effect).toBe(effect.score.effect);
    await expect(periodEffect(ctx.db, federal, asOf - 400 * DAY, asOf - 300 * DAY)).rejects.toThrow(
      /no seminars/,
    );
  });

  it('notifies invitations and a freed seat, and reminds the registered once, the day before', async () => {
    const now = asOf;
    const id = await planSeminar(
      ctx.db,
      federal,
      input({ startsLocal: '2026-11-30T15:00', capacity: 1 }),
      now,
    );
    const invited = await invite(ctx.db, federal, id, now);
    expect(invited).toBeGreaterThan(1);
    const notes = () => ctx.db.kysely.selectFrom('notifications').selectAll().orderBy('id').execute();
    expect((await notes()).filter((n) => n.kind === 'seminar_invited').length).toBe(invited);
    const [a, b] = (await getSeminar(ctx.db, federal, id)).enrolments.map((e) => e.institutionId) as [
      number,
      number,
    ];
    expect(await register(ctx.db, { userId: null, scope: institutionScope(a) }, id, a, now)).toBe(
      'registered',
    );
    expect(await register(ctx.db, federal, id, b, now + 1)).toBe('waitlisted');
    expect(await cancel(ctx.db, federal, id, a, now + 2)).toBe(b);
    const seat = (await notes()).filter((n) => n.kind === 'seminar_seat');
    expect(seat.map((n) => n.institution_id)).toEqual([b]);
    // 2026-11-30 15:00 in the region's zone is within a day of 11-29 18:00 UTC, not of 11-29 00:00.
    expect(await sendSeminarReminders(ctx.db, now)).toBe(0);
    const evening = Date.parse('2026-11-29T18:00:00Z') / 1000;
    expect(await sendSeminarReminders(ctx.db, evening)).toBe(1);
    expect(await sendSeminarReminders(ctx.db, evening + 900)).toBe(0);
    const reminder = (await notes()).filter((n) => n.kind === 'seminar_reminder');
    expect(reminder.map((n) => n.institution_id)).toEqual([b]);
    expect(JSON.parse(reminder[0]?.params_json ?? '{}')).toMatchObject({ seminarId: id });
    // Called off: everyone seated or waiting is told, and nobody registers any more.
    expect(await cancelSeminar(ctx.db, federal, id, evening)).toBe(1);
    await expect(register(ctx.db, federal, id, a, evening)).rejects.toThrow(/registration is closed/);
    await expect(cancelSeminar(ctx.db, federal, id, evening)).rejects.toThrow(/only a planned one/);
  });

  it('takes attendance from an uploaded list: bad rows are named and change nothing', async () => {
    const id = await planSeminar(ctx.db, federal, input({ startsLocal: '2026-11-20T15:00' }), asOf);
    const registered = world.institutions.filter((i) => i.region_code === REGION).slice(0, 3);
    const ids = await idsOf(registered.map((i) => i.inn));
    for (const i of ids) await register(ctx.db, federal, id, i, asOf);
    const stranger = world.institutions.filter((i) => i.region_code === REGION)[10]?.inn as string;
    const csv = `\uFEFFИНН;Название\n${registered[0]?.inn};a\n${registered[1]?.inn};b\n12345;c\n${stranger};d\n`;
    const bad = await uploadAttendance(ctx.db, federal, id, Buffer.from(csv), {
      dryRun: false,
      skipInvalid: false,
    });
    expect(bad.applied).toBe(false);
    expect(bad.problems.map((p) => p.path)).toEqual(['file: line 4: ИНН', 'file: line 5: ИНН']);
    expect(bad.problems[1]?.message).toMatch(/not registered for this seminar/);
    expect((await getSeminar(ctx.db, federal, id)).enrolments.filter((e) => e.attended)).toEqual([]);
    const dry = await uploadAttendance(ctx.db, federal, id, Buffer.from(csv), {
      dryRun: true,
      skipInvalid: true,
    });
    expect(dry).toMatchObject({ applied: false, matched: 2 });
    const good = await uploadAttendance(ctx.db, federal, id, Buffer.from(csv), {
      dryRun: false,
      skipInvalid: true,
    });
    expect(good).toMatchObject({ applied: true, matched: 2, rows: 4 });
    const after = await getSeminar(ctx.db, federal, id);
    expect(after.status).toBe('done');
    expect(
      after.enrolments
        .filter((e) => e.attended)
        .map((e) => e.inn)
        .sort(),
    ).toEqual([registered[0]?.inn, registered[1]?.inn].sort());
    // A bare column of INNs, no header, works too.
    const bare = await uploadAttendance(ctx.db, federal, id, Buffer.from(`${registered[2]?.inn}\n`), {
      dryRun: false,
      skipInvalid: false,
    });
    expect(bare).toMatchObject({ applied: true, matched: 1 });
  });

  it('keeps materials and attendees’ feedback, and prints a certificate anyone can check', async () => {
    const id = await planSeminar(ctx.db, federal, input({ startsLocal: '2026-11-20T15:00' }), asOf);
    const [a, b] = await idsOf(
      world.institutions
        .filter((i) => i.region_code === REGION)
        .slice(0, 2)
        .map((i) => i.inn),
    );
    await register(ctx.db, federal, id, a as number, asOf);
    await register(ctx.db, federal, id, b as number, asOf);
    await recordAttendance(ctx.db, federal, id, [a as number]);
    await addMaterial(ctx.db, federal, id, { title: 'Слайды', url: 'https://example.org/slides.pdf' }, asOf);
    expect((await getSeminar(ctx.db, federal, id)).materials.map((m) => m.title)).toEqual(['Слайды']);
    const admin = { userId: null, scope: institutionScope(a as number) };
    await giveFeedback(
      ctx.db,
      admin,
      id,
      { institutionId: a as number, rating: 5, useful: ['dialogue'] },
      asOf,
    );
    await giveFeedback(
      ctx.db,
      admin,
      id,
      { institutionId: a as number, rating: 4, useful: ['activity'], comment: 'Полезно' },
      asOf,
    );
    await expect(
      giveFeedback(ctx.db, federal, id, { institutionId: b as number, rating: 3, useful: [] }, asOf),
    ).rejects.toThrow(/did not attend/);
    await expect(
      giveFeedback(ctx.db, admin, id, { institutionId: a as number, rating: 3, useful: ['identity'] }, asOf),
    ).rejects.toThrow(/body.useful/);
    expect(await feedbackSummary(ctx.db, federal, id)).toMatchObject({
      answers: 1,
      meanRating: 4,
      useful: { activity: 1 },
      comments: [{ rating: 4, comment: 'Полезно' }],
    });
    const { pdf, code } = await certificatePdf(ctx.db, admin, id, a as number, {
      lang: 'ru',
      origin: 'https://publica.example',
    });
    const text = (await pdfPages(pdf)).join('\n');
    expect([...pdfFonts(pdf)].every((f) => f.startsWith('PTSans-'))).toBe(true);
    const institution = world.institutions.filter((i) => i.region_code === REGION)[0]?.full_name as string;
    expect(text).toContain('СЕРТИФИКАТ');
    expect(text.replace(/\s+/g, ' ')).toContain(institution.replace(/\s+/g, ' ').slice(0, 30));
    expect(text).toContain('Госпаблик: регулярность и диалог');
    expect(text).toContain('20 ноября 2026');
    expect(text).toContain(code);
    expect(text).toContain(`https://publica.example/verify/${code}`);
    expect(await verifyCertificate(ctx.db, code)).toMatchObject({ code, institution });
    // Another institution's admin gets nothing; one who did not attend has no certificate.
    await expect(
      certificatePdf(ctx.db, { userId: null, scope: institutionScope(b as number) }, id, a as number, {
        lang: 'ru',
        origin: '',
      }),
    ).rejects.toThrow(/no institution/);
    await expect(
      certificatePdf(ctx.db, federal, id, b as number, { lang: 'en', origin: '' }),
    ).rejects.toThrow(/no certificate/);
  });
});
