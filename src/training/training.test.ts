// Seminars over an audited demo world on both dialects: the audience a rule selects, time in the region's zone,
// capacity and the waiting list, attendance with certificate codes, and the effect measured between the audit
// before the seminar and the one after it.
import path from 'node:path';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, tempDir } from '../../test/db.ts';
import { parsePeriod, runAudit } from '../audit/index.ts';
import { loadWorld } from '../collect/index.ts';
import { loadVersion } from '../methodology/index.ts';
import { COUNTRY } from '../platform/scope.ts';
import { generateWorld, writeWorld } from '../vk-sim/index.ts';
import {
  audience,
  cancel,
  instantIn,
  invite,
  planSeminar,
  recordAttendance,
  register,
  type SeminarInput,
  seminarEffect,
  verifyCertificate,
} from './training.service.ts';

const world = generateWorld({ institutions: 150, regions: 1, seed: 12, asOf: '2026-11-29', days: 120 });
const REGION = world.institutions[0]?.region_code as string;
const federal = { userId: null, scope: COUNTRY };
const NOW = Date.parse('2026-10-01T00:00:00Z') / 1000;
let dir: string;

const seminar = (over: Partial<SeminarInput> = {}): SeminarInput => ({
  title: 'Как вести госпаблик школы',
  programme: ['activity', 'dialogue'],
  organiserKind: 'regional_centre',
  organiser: 'ЦУР',
  trainers: ['Иванова А. А.'],
  format: 'online',
  link: 'https://vk.com/video-1_1',
  startsLocal: '2026-10-20T15:00',
  durationMinutes: 90,
  timezone: 'Asia/Yekaterinburg',
  regionCode: REGION,
  capacity: 2,
  audience: { levels: ['inactive', 'basic'] },
  ...over,
});

beforeAll(() => {
  dir = tempDir();
  writeWorld(dir, world);
});

describeEachDialect('seminars', (ctx) => {
  beforeEach(async () => {
    await loadWorld(ctx.db, path.join(dir));
    const version = loadVersion('2023.1');
    await runAudit(ctx.db, { version, period: parsePeriod('30d', 30, '2026-10-15') });
    await runAudit(ctx.db, { version, period: parsePeriod('30d', 30, '2026-11-29') });
  });

  it('keeps time in the region’s zone and refuses a seminar outside the planner’s region', async () => {
    expect(instantIn('2026-10-20T15:00', 'Asia/Yekaterinburg')).toBe(
      Date.parse('2026-10-20T10:00:00Z') / 1000,
    );
    expect(instantIn('2026-10-20T15:00', 'Europe/Kaliningrad')).toBe(
      Date.parse('2026-10-20T13:00:00Z') / 1000,
    );
    const other = {
      userId: null,
      scope: { level: 'region' as const, regionCode: '01' === REGION ? '02' : '01' },
    };
    await expect(planSeminar(ctx.db, other, seminar(), NOW)).rejects.toThrow(/body.regionCode/);
    await expect(planSeminar(ctx.db, federal, seminar({ link: undefined }), NOW)).rejects.toThrow(
      /body.link/,
    );
  });

  it('selects the audience by level from the latest audit, and invites it once', async () => {
    const id = await planSeminar(ctx.db, federal, seminar(), NOW);
    const selected = await audience(ctx.db, federal, id);
    const latest = await ctx.db.kysely
      .selectFrom('audit_runs')
      .select('id')
      .orderBy('period_end', 'desc')
      .executeTakeFirstOrThrow();
    const expected = await ctx.db.kysely
      .selectFrom('audit_page_results')
      .select('institution_id')
      .where('run_id', '=', latest.id)
      .where('level', 'in', ['inactive', 'basic'])
      .where('institution_id', 'is not', null)
      .execute();
    expect(selected.length).toBe(expected.length);
    expect(selected.every((s) => ['inactive', 'basic'].includes(s.level))).toBe(true);
    expect(await invite(ctx.db, federal, id, NOW)).toBe(selected.length);
    expect(await invite(ctx.db, federal, id, NOW + 1)).toBe(0);
  });

  it('seats up to the capacity, keeps a waiting list, and moves it up on a cancellation', async () => {
    const id = await planSeminar(ctx.db, federal, seminar({ capacity: 2 }), NOW);
    const [a, b, c] = world.institutions.map((_i, k) => k + 1);
    expect(await register(ctx.db, federal, id, a as number, NOW)).toBe('registered');
    expect(await register(ctx.db, federal, id, b as number, NOW + 1)).toBe('registered');
    expect(await register(ctx.db, federal, id, c as number, NOW + 2)).toBe('waitlisted');
    expect(await register(ctx.db, federal, id, c as number, NOW + 3)).toBe('waitlisted');
    expect(await cancel(ctx.db, federal, id, a as number, NOW + 4)).toBe(c);
    expect(await recordAttendance(ctx.db, federal, id, [b as number, c as number, a as number])).toBe(2);
    const codes = await ctx.db.kysely
      .selectFrom('seminar_enrolments')
      .select('certificate_code')
      .where('seminar_id', '=', id)
      .where('attended', '=', 1)
      .execute();
    expect(new Set(codes.map((r) => r.certificate_code)).size).toBe(2);
    // Anyone can check a certificate by its code: the seminar and the institution, no person.
    const code = codes[0]?.certificate_code ?? '';
    const checked = await verifyCertificate(ctx.db, code.toLowerCase());
    expect(checked).toMatchObject({ seminar: 'Как вести госпаблик школы', organiser: 'ЦУР' });
    expect(Object.keys(checked).sort()).toEqual([
      'code',
      'date',
      'institution',
      'organiser',
      'seminar',
      'timezone',
    ]);
    await expect(verifyCertificate(ctx.db, '000000000000')).rejects.toThrow(/no certificate/);
  });

  it('measures the effect between the audit before and the one after, on the score and per rule', async () => {
    const id = await planSeminar(ctx.db, federal, seminar({ capacity: 100 }), NOW);
    await invite(ctx.db, federal, id, NOW);
    const selected = await audience(ctx.db, federal, id);
    for (const s of selected.slice(0, 20)) await register(ctx.db, federal, id, s.institutionId, NOW);
    await recordAttendance(
      ctx.db,
      federal,
      id,
      selected.slice(0, 20).map((s) => s.institutionId),
    );
    const effect = await seminarEffect(ctx.db, federal, id);
    expect(effect.runs.before).not.toBe(effect.runs.after);
    expect(effect.score.treated + effect.score.unmatched).toBe(20);
    if (effect.score.effect !== null) {
      expect(effect.score.low as number).toBeLessThanOrEqual(effect.score.effect);
      expect(effect.score.high as number).toBeGreaterThanOrEqual(effect.score.effect);
    }
    expect(effect.rules.length).toBeGreaterThan(5);
  });
});
