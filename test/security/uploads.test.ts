// Uploads within bounds: each upload route has its own byte limit (413 naming it, never a 500), files are read
// with caps on rows, and a report lists the first problems and counts the rest instead of answering megabytes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUnusedFiles, FileStore } from '../../src/planner/index.ts';
import { insertFile } from '../../src/planner/planner.repo.ts';
import { fileBytes, UNUSED_FILE_GRACE_SECONDS } from '../../src/planner/planner-files.service.ts';
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
        expect(res.json().message).toMatch(/at most 10,000/);
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

    describe('planner files', () => {
      const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      const JPEG = Buffer.from('ffd8ffe000104a46494600', 'hex');
      const send = (content: Buffer, type: string, name = 'photo.png') =>
        w.as('institution', {
          method: 'POST',
          url: `/api/planner/pages/${w.a.pageId}/files`,
          ...multipart(name, content, type),
        });
      const row = (id: number) =>
        w.db.kysely.selectFrom('planner_files').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

      it('keeps a photo on disk under a random name, its type read from the bytes', async () => {
        const bytes = Buffer.concat([PNG, Buffer.alloc(1000, 7)]);
        const res = await send(bytes, 'application/octet-stream', '../../etc/\u202Egnp.exe');
        expect(res.statusCode).toBe(200);
        const stored = await row(res.json().id);
        expect(stored).toMatchObject({ mime: 'image/png', size: bytes.length, name: 'gnp.exe' });
        expect(stored.data.length).toBe(0);
        expect(stored.storage_key).toMatch(new RegExp(`^planner/${w.a.pageId}/[0-9a-f-]{36}$`));
        expect(fs.readFileSync(path.join(w.filesDir, stored.storage_key as string))).toEqual(bytes);
        const store = new FileStore(w.filesDir);
        expect((await fileBytes(w.db, store, res.json().id))?.data).toEqual(bytes);
      });

      it('refuses bytes that are no photo or video, and bytes that are not what was declared (415)', async () => {
        const zeros = await send(Buffer.alloc(MiB), 'image/png');
        expect(zeros.statusCode).toBe(415);
        expect(zeros.json().error.details[0].path).toBe('body.file');
        const lying = await send(JPEG, 'image/png');
        expect(lying.statusCode).toBe(415);
        expect(lying.json().error.message).toContain('image/jpeg');
        expect(fs.readdirSync(path.join(w.filesDir, 'incoming'))).toEqual([]);
      });

      it('limits a photo to 20 MiB, any file to 64 MiB, a page to 1 GiB (413 naming the limit)', async () => {
        const photo = await send(Buffer.concat([PNG, Buffer.alloc(21 * MiB)]), 'image/png');
        expect(photo.statusCode).toBe(413);
        expect(photo.json().error.message).toContain('20 MiB');
        const huge = await send(Buffer.alloc(65 * MiB), 'video/mp4', 'film.mp4');
        expect(huge.statusCode).toBe(413);
        expect(huge.json().error.message).toContain('64 MiB');
        // A page that has used its quota but a little.
        const full = await w.db.kysely
          .insertInto('planner_files')
          .values({
            page_id: w.a.pageId,
            name: 'big.mp4',
            mime: 'video/mp4',
            size: 1024 * MiB - 10,
            data: Buffer.alloc(0),
            storage_key: 'planner/none',
            created_by: null,
            created_at: 0,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const over = await send(Buffer.concat([PNG, Buffer.alloc(100)]), 'image/png');
        await w.db.kysely.deleteFrom('planner_files').where('id', '=', full.id).execute();
        expect(over.statusCode).toBe(413);
        expect(over.json().error.message).toContain('1024 MiB');
        expect(fs.readdirSync(path.join(w.filesDir, 'incoming'))).toEqual([]);
      });

      it('removes files no draft refers to once the grace period is over, on disk and in the database', async () => {
        const store = new FileStore(w.filesDir);
        const upload = async () =>
          (await send(Buffer.concat([PNG, Buffer.alloc(10)]), 'image/png')).json().id;
        const used = await upload();
        const unused = await upload();
        const legacy = (
          await insertFile(w.db, {
            pageId: w.a.pageId,
            name: 'old.jpg',
            mime: 'image/jpeg',
            data: JPEG,
            by: null,
            at: Math.floor(Date.now() / 1000),
          })
        ).id;
        const draft = await w.as('institution', {
          method: 'POST',
          url: `/api/planner/pages/${w.a.pageId}/drafts`,
          payload: { kind: 'text', title: 'Фото', text: 'Текст', content: { photos: [used] } },
        });
        expect(draft.statusCode).toBe(200);
        const unusedPath = store.pathOf((await row(unused)).storage_key as string);
        const now = Math.floor(Date.now() / 1000);
        // Within the grace period nothing goes: the file may be for the draft being written.
        expect(await cleanUnusedFiles(w.db, store, now)).toBe(0);
        const later = now + UNUSED_FILE_GRACE_SECONDS + 60;
        expect(await cleanUnusedFiles(w.db, store, later)).toBeGreaterThanOrEqual(2);
        expect(fs.existsSync(unusedPath)).toBe(false);
        expect(await fileBytes(w.db, store, unused)).toBeNull();
        expect(await fileBytes(w.db, store, legacy)).toBeNull();
        expect((await fileBytes(w.db, store, used))?.mime).toBe('image/png');
      });
    });

    describe('names', () => {
      it('refuses control and direction characters in draft and seminar titles, naming the field', async () => {
        const draft = await w.as('institution', {
          method: 'POST',
          url: `/api/planner/pages/${w.a.pageId}/drafts`,
          payload: { kind: 'text', title: 'Новости\u202Eтцаркс', text: 'Текст', content: {} },
        });
        expect(draft.statusCode).toBe(400);
        expect(draft.json().error.details[0].path).toBe('body.title');
        const seminar = await w.as('federal', {
          method: 'POST',
          url: '/api/seminars',
          payload: { title: 'Семинар\u0000', organiser: 'ЦУР' },
        });
        expect(seminar.statusCode).toBe(400);
        expect(seminar.json().error.details.map((d: { path: string }) => d.path)).toContain('body.title');
      });
    });
  },
  { shared: true },
);
