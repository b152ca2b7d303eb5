// Uploads within bounds: each upload route has its own byte limit (413 naming it, never a 500), files are read
// with caps on rows, and a report lists the first problems and counts the rest instead of answering megabytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTRY } from '../../src/platform/scope.ts';
import type { SeminarInput } from '../../src/training/index.ts';
import { planSeminar, register } from '../../src/training/index.ts';
import { type ApiWorld, apiWorld, multipart } from '../api.ts';
import { describeEachDialect } from '../db.ts';

const MiB = 1024 * 1024;

describeEachDialect(
  'upload limits',
  (ctx) => {
    let w: ApiWorld;
    beforeAll(async () => {
      w = await apiWorld(ctx.db, { institutions: 20 });
    }, 120_000);
    afterAll(() => w?.close());

    const registry = (name: string, content: string | Buffer, query = 'dryRun=1&lang=en') =>
      w.as('federal', { method: 'POST', url: `/api/registry/uploads?${query}`, ...multipart(name, content) });

    describe('registry', () => {
      it('refuses a file over 8 MiB with 413 naming the limit', async () => {
        const res = await registry('big.csv', Buffer.alloc(9 * MiB, 0x31));
        expect(res.statusCode).toBe(413);
        expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
        expect(res.json().error.message).toContain('8 MiB');
      });

      it('stops reading at 10,000 rows and says so', async () => {
        const rows = Array.from({ length: 10_001 }, () => 'x,Школа,school,77').join('\n');
        const res = await registry('many.csv', `inn,full_name,kind,region_code\n${rows}\n`);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ status: 'rejected', problems: [], moreProblems: 0 });
        expect(res.json().message).toMatch(/at most 10000/);
      });

      it('lists the first 1000 problems and counts the rest', async () => {
        const rows = Array.from({ length: 3000 }, () => '123,Школа,school,77').join('\n');
        const res = await registry('bad.csv', `inn,full_name,kind,region_code\n${rows}\n`);
        const report = res.json();
        expect(report.status).toBe('rejected');
        expect(report.rows).toBe(3000);
        expect(report.problems).toHaveLength(1000);
        expect(report.moreProblems).toBe(2000);
        expect(report.problems[0]).toMatchObject({ row: 2, field: 'inn', code: 'inn_format' });
        // The stored report is the same, bounded one.
        const again = await w.as('federal', { method: 'GET', url: `/api/registry/uploads/${report.id}` });
        expect(again.json().problems).toHaveLength(1000);
        expect(again.json().moreProblems).toBe(2000);
      });

      it('reads a workbook that is not a workbook as a file error, not a 500', async () => {
        const res = await registry('broken.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
        expect(res.statusCode).toBe(200);
        expect(res.json().status).toBe('rejected');
      });
    });

    describe('attendance', () => {
      let seminar: number;
      beforeAll(async () => {
        const at = Math.floor(Date.now() / 1000);
        const body = {
          title: 'Семинар',
          programme: ['activity'],
          organiserKind: 'regional_centre',
          organiser: 'ЦУР',
          trainers: ['Петрова А. А.'],
          format: 'online',
          link: 'https://vk.com/video-1_1',
          startsLocal: '2027-03-10T15:00',
          durationMinutes: 90,
          timezone: 'Europe/Moscow',
          regionCode: w.a.regionCode,
          municipalityId: w.a.municipalityId,
          capacity: 30,
          audience: { levels: ['inactive'] },
        };
        seminar = await planSeminar(w.db, { userId: null, scope: COUNTRY }, body as SeminarInput, at);
        await register(w.db, { userId: null, scope: COUNTRY }, seminar, w.a.institutionId, at);
      });
      const upload = (content: string | Buffer) =>
        w.as('federal', {
          method: 'POST',
          url: `/api/seminars/${seminar}/attendance/upload?dryRun=1`,
          ...multipart('list.csv', content),
        });

      it('refuses a list over 1 MiB with 413 naming the limit', async () => {
        const res = await upload(Buffer.from('1\n'.repeat(MiB)));
        expect(res.statusCode).toBe(413);
        expect(res.json().error.message).toContain('1 MiB');
      });

      it('refuses more than 5000 rows by name', async () => {
        const res = await upload(`ИНН\n${'1\n'.repeat(5001)}`);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details[0]).toMatchObject({ path: 'file' });
      });

      it('lists the first 100 problems and counts the rest', async () => {
        const res = await upload(`ИНН\n${w.a.inn}\n${'1\n'.repeat(4000)}`);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ rows: 4001, matched: 1, applied: false, moreProblems: 3900 });
        expect(res.json().problems).toHaveLength(100);
        expect(res.json().problems[0].path).toBe('file: line 3: ИНН');
      });
    });
  },
  { shared: true },
);
