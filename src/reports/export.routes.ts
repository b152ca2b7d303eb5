// Exports of list views — pages, institutions, audit results — with the same filters (and order) as on screen,
// as CSV or XLSX, streamed batch by batch; column titles in the reader's language.

import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { doneRunsFor, eachPage, type PageItem } from '../analytics/index.ts';
import { shippedVersion } from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { type Lang, translator } from '../platform/i18n.ts';
import { checkUnitFilters, eachInstitutionInScope, type InstitutionRow } from '../registry/index.ts';
import { term } from './export.messages.ts';
import { eachAuditResult } from './export.repo.ts';
import { reportsContract } from './reports.contract.ts';
import { type Cell, type Column, exportTable } from './table-export.ts';

const titles = {
  id: { ru: 'ID страницы', en: 'Page ID' },
  url: { ru: 'Адрес', en: 'URL' },
  status: { ru: 'Статус', en: 'Status' },
  institution: { ru: 'Учреждение', en: 'Institution' },
  kind: { ru: 'Тип', en: 'Kind' },
  region: { ru: 'Регион', en: 'Region' },
  municipality: { ru: 'ID муниципалитета', en: 'Municipality ID' },
  score: { ru: 'Балл', en: 'Score' },
  level: { ru: 'Уровень', en: 'Level' },
  verified: { ru: 'Отметка госорганизации', en: 'State organisation mark' },
  trend: { ru: 'Изменение балла', en: 'Score change' },
  collected: { ru: 'Собрано', en: 'Collected' },
};

const WIDTHS: Record<keyof typeof titles, number> = {
  id: 10,
  url: 36,
  status: 10,
  institution: 60,
  kind: 14,
  region: 8,
  municipality: 10,
  score: 8,
  level: 14,
  verified: 10,
  trend: 10,
  collected: 20,
};

function pageColumns(lang: Lang): Column[] {
  const t = translator(titles, lang);
  return (Object.keys(titles) as (keyof typeof titles)[]).map((key) => ({
    key,
    title: t(key),
    width: WIDTHS[key],
  }));
}

function pageCells(p: PageItem, lang: Lang): Cell[] {
  return [
    p.id,
    p.url,
    term('pageStatus', p.status, lang),
    p.institution?.fullName ?? null,
    term('kind', p.institution?.kind ?? null, lang),
    p.institution?.regionCode ?? null,
    p.institution?.municipalityId ?? null,
    p.score,
    term('level', p.level, lang),
    p.verified,
    p.trend,
    p.lastCollectedAt === null
      ? null
      : new Date(p.lastCollectedAt * 1000).toISOString().slice(0, 19).replace('T', ' '),
  ];
}

async function* cellsOf(pages: AsyncIterable<PageItem[]>, lang: Lang): AsyncGenerator<Cell[][]> {
  for await (const batch of pages) yield batch.map((p) => pageCells(p, lang));
}

type TableRequest = {
  format: 'csv' | 'xlsx';
  delimiter: 'semicolon' | 'comma';
  name: string;
  sheet: string;
  columns: Column[];
  batches: AsyncIterable<Cell[][]>;
};

/** Streams a table as the download of a list view; nothing cached, a dated file name. */
function sendTable(reply: FastifyReply, table: TableRequest) {
  const stream = exportTable(table.columns, table.batches, {
    format: table.format,
    delimiter: table.delimiter === 'comma' ? ',' : ';',
    sheet: table.sheet,
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return reply
    .type(
      table.format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    .header('content-disposition', `attachment; filename="publica-${table.name}-${stamp}.${table.format}"`)
    .header('cache-control', 'private, no-store')
    .send(stream);
}

const c = reportsContract;

const institutionTitles = {
  id: { ru: 'ID учреждения', en: 'Institution ID' },
  inn: { ru: 'ИНН', en: 'INN' },
  ogrn: { ru: 'ОГРН', en: 'OGRN' },
  fullName: { ru: 'Полное название', en: 'Full name' },
  shortName: { ru: 'Краткое название', en: 'Short name' },
  kind: { ru: 'Тип', en: 'Kind' },
  region: { ru: 'Регион', en: 'Region' },
  municipalityId: { ru: 'ID муниципалитета', en: 'Municipality ID' },
  municipality: { ru: 'Муниципалитет', en: 'Municipality' },
  website: { ru: 'Сайт', en: 'Website' },
  pages: { ru: 'Страниц', en: 'Pages' },
};
const INSTITUTION_WIDTHS = [10, 14, 16, 60, 30, 14, 8, 10, 30, 30, 8];

async function* institutionCells(
  rows: AsyncIterable<InstitutionRow[]>,
  lang: Lang,
): AsyncGenerator<Cell[][]> {
  for await (const batch of rows)
    yield batch.map((i) => [
      i.id,
      // Kept as text: leading zeros of INN and OGRN matter.
      i.inn,
      i.ogrn,
      i.full_name,
      i.short_name,
      term('kind', i.kind, lang),
      i.region_code,
      i.municipality_id,
      i.municipality,
      i.website,
      Number(i.pages ?? 0),
    ]);
}

const resultTitles = {
  page: { ru: 'ID страницы', en: 'Page ID' },
  url: { ru: 'Адрес', en: 'URL' },
  institution: { ru: 'Учреждение', en: 'Institution' },
  inn: { ru: 'ИНН', en: 'INN' },
  kind: { ru: 'Тип', en: 'Kind' },
  region: { ru: 'Регион', en: 'Region' },
  municipality: { ru: 'ID муниципалитета', en: 'Municipality ID' },
  total: { ru: 'Балл', en: 'Score' },
  level: { ru: 'Уровень', en: 'Level' },
  verified: { ru: 'Отметка госорганизации', en: 'State organisation mark' },
  critical: { ru: 'Не выполнены критичные правила', en: 'Critical rules failed' },
};

export function exportRoutes(db: Db) {
  return (app: App) => {
    app.get(
      c.exportPages.path,
      {
        config: { access: c.exportPages.access },
        schema: {
          tags: ['reports'],
          summary:
            'The page list as CSV (UTF-8 with BOM, ";" or ",") or XLSX, with the filters and order of GET /api/pages, streamed',
          querystring: c.exportPages.query,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = principalOf(request).scope;
        const { format, delimiter, lang, region, municipality, ...filter } = request.query;
        await checkUnitFilters(db, scope, { regionCode: region, municipalityId: municipality });
        const pages = eachPage(db, scope, { ...filter, regionCode: region, municipalityId: municipality });
        return sendTable(reply, {
          format,
          delimiter,
          name: 'pages',
          sheet: lang === 'ru' ? 'Страницы' : 'Pages',
          columns: pageColumns(lang),
          batches: cellsOf(pages, lang),
        });
      },
    );

    app.get(
      c.exportInstitutions.path,
      {
        config: { access: c.exportInstitutions.access },
        schema: {
          tags: ['reports'],
          summary:
            'The institution list as CSV or XLSX, with the filters and order of GET /api/institutions, streamed batch by batch',
          querystring: c.exportInstitutions.query,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = principalOf(request).scope;
        const { format, delimiter, lang, region, municipality, ...filter } = request.query;
        await checkUnitFilters(db, scope, { regionCode: region, municipalityId: municipality });
        const t = translator(institutionTitles, lang);
        const rows = eachInstitutionInScope(db, scope, {
          ...filter,
          regionCode: region,
          municipalityId: municipality,
        });
        return sendTable(reply, {
          format,
          delimiter,
          name: 'institutions',
          sheet: lang === 'ru' ? 'Учреждения' : 'Institutions',
          columns: (Object.keys(institutionTitles) as (keyof typeof institutionTitles)[]).map((key, i) => ({
            key,
            title: t(key),
            width: INSTITUTION_WIDTHS[i] ?? 12,
          })),
          batches: institutionCells(rows, lang),
        });
      },
    );

    app.get(
      c.exportAuditResults.path,
      {
        config: { access: c.exportAuditResults.access },
        schema: {
          tags: ['reports'],
          summary:
            'Results of the newest audit in your scope, a row per page with its score, level and category scores, as CSV or XLSX, streamed',
          querystring: c.exportAuditResults.query,
          response: { 200: z.any(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = principalOf(request).scope;
        const { format, delimiter, lang, region, municipality, ...filter } = request.query;
        await checkUnitFilters(db, scope, { regionCode: region, municipalityId: municipality });
        const [run] = await doneRunsFor(db, scope, 1);
        if (!run) throw new AppError('NOT_FOUND', 'no finished audit covers your scope yet');
        const categories = shippedVersion(run.methodology_version).categories;
        const t = translator(resultTitles, lang);
        const rows = eachAuditResult(db, scope, run.id, {
          ...filter,
          regionCode: region,
          municipalityId: municipality,
        });
        return sendTable(reply, {
          format,
          delimiter,
          name: `audit-${run.id}`,
          sheet: lang === 'ru' ? `Аудит ${run.id}` : `Audit ${run.id}`,
          columns: [
            ...(Object.keys(resultTitles) as (keyof typeof resultTitles)[]).map((key) => ({
              key,
              title: t(key),
              width: key === 'institution' ? 60 : key === 'url' ? 36 : 12,
            })),
            ...categories.map((c) => ({ key: c.id, title: c.title[lang], width: 14 })),
          ],
          batches: resultCells(
            rows,
            categories.map((c) => c.id),
            lang,
          ),
        });
      },
    );
  };
}

async function* resultCells(
  rows: ReturnType<typeof eachAuditResult>,
  categories: string[],
  lang: Lang,
): AsyncGenerator<Cell[][]> {
  for await (const batch of rows)
    yield batch.map((r) => {
      const scores = JSON.parse(r.categories_json) as Record<string, number | null>;
      return [
        r.page_id,
        r.url,
        r.full_name,
        r.inn,
        term('kind', r.kind, lang),
        r.region_code,
        r.municipality_id,
        r.total,
        term('level', r.level, lang),
        r.verified === 1,
        r.critical_failed || null,
        ...categories.map((c) => scores[c] ?? null),
      ];
    });
}
