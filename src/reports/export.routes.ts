// Exports of list views: the page list with the same filters and order as on screen, as CSV or XLSX,
// streamed; column titles in the reader's language.
import { z } from 'zod';
import { eachPage, type PageItem, pageListFilters } from '../analytics/index.ts';
import type { Db } from '../platform/db.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { App } from '../platform/http/server.ts';
import { type Lang, translator } from '../platform/i18n.ts';
import { checkUnitFilters } from '../registry/index.ts';
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

function pageCells(p: PageItem): Cell[] {
  return [
    p.id,
    p.url,
    p.status,
    p.institution?.fullName ?? null,
    p.institution?.kind ?? null,
    p.institution?.regionCode ?? null,
    p.institution?.municipalityId ?? null,
    p.score,
    p.level,
    p.verified,
    p.trend,
    p.lastCollectedAt === null
      ? null
      : new Date(p.lastCollectedAt * 1000).toISOString().slice(0, 19).replace('T', ' '),
  ];
}

async function* cellsOf(pages: AsyncIterable<PageItem[]>): AsyncGenerator<Cell[][]> {
  for await (const batch of pages) yield batch.map(pageCells);
}

export function exportRoutes(db: Db) {
  return (app: App) => {
    app.get(
      '/api/exports/pages',
      {
        config: { access: 'data.read' },
        schema: {
          tags: ['reports'],
          summary:
            'The page list as CSV (UTF-8 with BOM, ";" or ",") or XLSX, with the filters and order of GET /api/pages, streamed',
          querystring: z.object({
            format: z.enum(['csv', 'xlsx']).default('csv'),
            delimiter: z.enum(['semicolon', 'comma']).default('semicolon'),
            lang: z.enum(['ru', 'en']).default('ru'),
            ...pageListFilters,
          }),
          response: { 200: z.any(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = principalOf(request).scope;
        const { format, delimiter, lang, region, municipality, ...filter } = request.query;
        await checkUnitFilters(db, scope, { regionCode: region, municipalityId: municipality });
        const pages = eachPage(db, scope, { ...filter, regionCode: region, municipalityId: municipality });
        const stream = exportTable(pageColumns(lang), cellsOf(pages), {
          format,
          delimiter: delimiter === 'comma' ? ',' : ';',
          sheet: lang === 'ru' ? 'Страницы' : 'Pages',
        });
        const stamp = new Date().toISOString().slice(0, 10);
        reply
          .type(
            format === 'csv'
              ? 'text/csv; charset=utf-8'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', `attachment; filename="publica-pages-${stamp}.${format}"`)
          .header('cache-control', 'private, no-store');
        return reply.send(stream);
      },
    );
  };
}
