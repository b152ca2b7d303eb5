// What a caller reads of seminars stays inside their scope (enrolments, INNs, certificate codes, feedback,
// certificates), uploads' previews never tell an INN outside the scope from an unknown one, and the smaller
// holes an attack found stay closed: links other than http(s), a certificate printing the request's Host, a
// contributor deleting an approved draft, a question assigned to someone who may not answer it.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { COUNTRY } from '../../src/platform/scope.ts';
import { planSeminar, recordAttendance, register, type SeminarInput } from '../../src/training/index.ts';
import { type ApiWorld, apiWorld, multipart, type Unit } from '../api.ts';
import { describeEachDialect } from '../db.ts';

// The PDF is the certificate's HTML as it is: what it prints is what the test reads (no browser needed).
vi.mock('../../src/reports/index.ts', async (original) => ({
  ...(await original<typeof import('../../src/reports/index.ts')>()),
  htmlToPdf: async (html: string) => Buffer.from(html),
}));

const FEDERAL = { userId: null, scope: COUNTRY };

function seminarBody(u: Unit, change: Record<string, unknown> = {}) {
  return {
    title: 'Семинар для администраторов',
    programme: ['activity'],
    organiserKind: 'regional_centre',
    organiser: 'ЦУР',
    trainers: ['Петрова А. А.'],
    format: 'online',
    link: 'https://vk.com/video-1_1',
    startsLocal: '2026-12-10T15:00',
    durationMinutes: 90,
    timezone: 'Europe/Moscow',
    regionCode: u.regionCode,
    capacity: 30,
    audience: { levels: ['inactive'] },
    ...change,
  };
}

const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET' as const, url, headers });

describeEachDialect(
  'seminars and previews inside the scope',
  (ctx) => {
    let w: ApiWorld;
    /** An institution of region A in another municipality than unit A's. */
    let near: { id: number; name: string; inn: string; ogrn: string; municipality: string };
    /** A region-wide seminar of region A that unit A and `near` attended, both with feedback. */
    let regionWide: number;
    beforeAll(async () => {
      w = await apiWorld(ctx.db);
      const row = await w.db.kysely
        .selectFrom('institutions as i')
        .innerJoin('municipalities as m', 'm.id', 'i.municipality_id')
        .select(['i.id', 'i.full_name', 'i.inn', 'i.ogrn', 'm.name'])
        .where('i.region_code', '=', w.a.regionCode)
        .where('i.municipality_id', '!=', w.a.municipalityId)
        .where('i.inn', 'is not', null)
        .orderBy('i.id')
        .executeTakeFirstOrThrow();
      near = {
        id: row.id,
        name: row.full_name,
        inn: row.inn ?? '',
        ogrn: row.ogrn ?? '',
        municipality: row.name,
      };
      regionWide = await planSeminar(w.db, FEDERAL, seminarBody(w.a) as SeminarInput, 0);
      for (const id of [w.a.institutionId, near.id]) await register(w.db, FEDERAL, regionWide, id, 0);
      await recordAttendance(w.db, FEDERAL, regionWide, [w.a.institutionId, near.id]);
      for (const [id, comment] of [
        [w.a.institutionId, 'Полезно для нас'],
        [near.id, 'Отзыв соседей'],
      ] as const)
        await w.db.kysely
          .insertInto('seminar_feedback')
          .values({
            seminar_id: regionWide,
            institution_id: id,
            rating: 5,
            useful_json: '[]',
            comment,
            created_at: 0,
          })
          .execute();
    }, 120_000);
    afterAll(() => w?.close());

    it('shows a municipality only its own enrolments, INNs, certificate codes and feedback', async () => {
      const codes = new Map(
        (
          await w.db.kysely
            .selectFrom('seminar_enrolments')
            .select(['institution_id', 'certificate_code'])
            .where('seminar_id', '=', regionWide)
            .execute()
        ).map((e) => [e.institution_id, e.certificate_code as string]),
      );
      for (const role of ['municipality', 'municipality_viewer'] as const) {
        const detail = await w.as(role, get(`/api/seminars/${regionWide}`));
        expect(detail.statusCode).toBe(200);
        expect(detail.json().enrolments.map((e: { institutionId: number }) => e.institutionId)).toEqual([
          w.a.institutionId,
        ]);
        for (const secret of [near.name, near.inn, codes.get(near.id)])
          expect(detail.body).not.toContain(secret);
        const feedback = await w.as(role, get(`/api/seminars/${regionWide}/feedback`));
        expect(feedback.json().comments.map((c: { comment: string }) => c.comment)).toEqual([
          'Полезно для нас',
        ]);
        expect(feedback.json().answers).toBe(1);
      }
      const whole = (await w.as('region_viewer', get(`/api/seminars/${regionWide}`))).json();
      expect(whole.enrolments).toHaveLength(2);
      expect((await w.as('region', get(`/api/seminars/${regionWide}/feedback`))).json().answers).toBe(2);
    });

    it('gives a certificate only inside the scope, and prints the configured address, never the Host', async () => {
      const foreign = await w.as(
        'municipality_viewer',
        get(`/api/seminars/${regionWide}/certificates/${near.id}`),
      );
      expect(foreign.statusCode).toBe(404);
      expect(foreign.body).not.toContain(near.name);
      const unknown = await w.as(
        'municipality_viewer',
        get(`/api/seminars/${regionWide}/certificates/99999999`),
      );
      expect(foreign.json().error.message.replace(String(near.id), 'N')).toBe(
        unknown.json().error.message.replace('99999999', 'N'),
      );
      const own = await w.as(
        'municipality_viewer',
        get(`/api/seminars/${regionWide}/certificates/${w.a.institutionId}`, {
          host: 'evil.example',
          'x-forwarded-host': 'evil.example',
        }),
      );
      expect(own.statusCode).toBe(200);
      expect(own.body).toContain('http://localhost:8080/verify/');
      expect(own.body).not.toContain('evil.example');
      expect(loadConfig({ PUBLICA_PUBLIC_URL: 'https://publica.example.ru' }).http.publicUrl).toBe(
        'https://publica.example.ru',
      );
      expect(() => loadConfig({ PUBLICA_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLICA_PUBLIC_URL/);
    });

    it('reports an INN outside the scope or the seminar’s area in an attendance preview exactly like an unknown one', async () => {
      const municipal = await planSeminar(
        w.db,
        FEDERAL,
        seminarBody(w.a, { municipalityId: w.a.municipalityId }) as SeminarInput,
        0,
      );
      const unknownInn = '1234567890';
      const csv = `ИНН\n${w.b.inn}\n${near.inn}\n${unknownInn}\n`;
      for (const role of ['region', 'municipality', 'federal'] as const) {
        const res = await w.as(role, {
          method: 'POST',
          url: `/api/seminars/${municipal}/attendance/upload?dryRun=1`,
          ...multipart('attended.csv', csv),
        });
        expect(res.statusCode).toBe(200);
        const problems = res.json().problems as { path: string; message: string }[];
        const shapes = problems.map((p, i) =>
          p.message.replace([w.b.inn, near.inn, unknownInn][i] as string, 'INN'),
        );
        expect(shapes).toEqual([
          'no institution with INN INN',
          'no institution with INN INN',
          'no institution with INN INN',
        ]);
        for (const secret of [w.b.institution, near.name]) expect(res.body).not.toContain(secret);
      }
    });

    it('never numbers or names an institution outside the scope in a registry preview', async () => {
      const header = 'inn,ogrn,full_name,kind,region_code,municipality';
      // Unit A's INN with unit B's OGRN: a conflict with an institution of another region.
      const csv = `${header}\n${w.a.inn},${w.b.ogrn},"Школа",${w.a.kind},${w.a.regionCode},"${w.a.municipality}"\n`;
      const res = await w.as('region', {
        method: 'POST',
        url: '/api/registry/uploads?dryRun=1',
        ...multipart('r.csv', csv),
      });
      expect(res.statusCode).toBe(200);
      const report = res.json() as { problems: { code: string; message: string }[] };
      expect(report.problems.map((p) => p.code)).toEqual(['outside_scope']);
      expect(res.body).not.toContain(`#${w.b.institutionId}`);
      expect(res.body).not.toContain(`№ ${w.b.institutionId}`);
      expect(res.body).not.toContain(w.b.institution);
    });

    it('accepts only http and https links for seminars and materials, and never hands out one stored before', async () => {
      for (const link of [
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'file:///etc/passwd',
      ]) {
        const planned = await w.as('region', {
          method: 'POST',
          url: '/api/seminars',
          payload: seminarBody(w.a, { link }),
        });
        expect(planned.statusCode, link).toBe(400);
        expect(planned.json().error.message).toContain('link');
        const material = await w.as('region', {
          method: 'POST',
          url: `/api/seminars/${regionWide}/materials`,
          payload: { title: 'Слайды', url: link },
        });
        expect(material.statusCode, link).toBe(400);
        expect(material.json().error.message).toContain('url');
      }
      const ok = await w.as('region', {
        method: 'POST',
        url: `/api/seminars/${regionWide}/materials`,
        payload: { title: 'Слайды', url: 'https://example.org/slides.pdf' },
      });
      expect(ok.statusCode).toBe(200);
      await w.db.kysely
        .insertInto('seminar_materials')
        .values({ seminar_id: regionWide, title: 'Старое', url: 'javascript:alert(1)', added_at: 0 })
        .execute();
      const detail = await w.as('region', get(`/api/seminars/${regionWide}`));
      expect(detail.body).not.toContain('javascript:');
      expect(detail.json().materials.map((m: { url: string }) => m.url)).toEqual([
        'https://example.org/slides.pdf',
      ]);
    });

    it('lets a contributor delete only a proposal still under review, not a draft approved and scheduled', async () => {
      const propose = async () =>
        (
          await w.as('contributor', {
            method: 'POST',
            url: `/api/planner/pages/${w.a.pageId}/drafts`,
            payload: { kind: 'text', title: 'Заметка', text: 'Текст', content: {} },
          })
        ).json().id as number;
      const approved = await propose();
      const decision = await w.as('institution', {
        method: 'POST',
        url: `/api/planner/drafts/${approved}/approve`,
        payload: { plannedAt: 1_796_000_000 },
      });
      expect(decision.statusCode).toBe(200);
      const refused = await w.as('contributor', { method: 'DELETE', url: `/api/planner/drafts/${approved}` });
      expect(refused.statusCode).toBe(403);
      const kept = await w.db.kysely
        .selectFrom('planner_drafts')
        .select('status')
        .where('id', '=', approved)
        .executeTakeFirst();
      expect(kept?.status).toMatch(/scheduled|awaiting_municipality/);
      const pending = await propose();
      expect(
        (await w.as('contributor', { method: 'DELETE', url: `/api/planner/drafts/${pending}` })).statusCode,
      ).toBe(200);
    });

    it('assigns a question only to a user whose role may answer it', async () => {
      const comment = await w.db.kysely
        .selectFrom('comments')
        .select('id')
        .where('page_id', '=', w.a.pageId)
        .where('is_from_community', '=', 0)
        .executeTakeFirstOrThrow();
      const assign = (assigneeId: number) =>
        w.as('municipality', {
          method: 'POST',
          url: `/api/inbox/${comment.id}/state`,
          payload: { status: 'in_progress', assigneeId },
        });
      for (const id of [w.users.contributor.id, w.victims.a, w.users.municipality_viewer.id]) {
        const res = await assign(id);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.message).toContain('body.assigneeId');
      }
      const state = await w.db.kysely
        .selectFrom('inbox_states')
        .select('assignee_id')
        .where('comment_id', '=', comment.id)
        .executeTakeFirst();
      expect(state?.assignee_id ?? null).toBeNull();
      expect((await assign(w.users.institution.id)).statusCode).toBe(200);
    });
  },
  { shared: true },
);
