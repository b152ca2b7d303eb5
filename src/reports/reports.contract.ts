// The reports API the app calls, as data: a unit's report (PDF, XLSX, HTML or JSON) and the list exports (CSV or
// XLSX, with the lists' filters). The routes register from here; the web app's client is typed from it
// (type-only). Schedules and stored files are still declared in report.routes.ts.
import { z } from 'zod';
import { pageListFilters } from '../analytics/index.ts';
import { isoDate } from '../platform/calendar-date.ts';
import { reply, route } from '../platform/http/contract.ts';
import { queryFlag } from '../platform/http/schemas.ts';
import { INSTITUTION_KINDS } from '../platform/vocabulary.ts';
import { REPORT_FORMATS } from './report-render.ts';
import type { UnitReport } from './unit-report.service.ts';

export type { UnitReport };

export const unitLevel = z.enum(['country', 'region', 'municipality', 'institution']);
export const reportFormat = z
  .enum(REPORT_FORMATS as [string, ...string[]])
  .transform((f) => f as (typeof REPORT_FORMATS)[number]);
const lang = z.enum(['ru', 'en']);

const fileQuery = {
  format: z.enum(['csv', 'xlsx']).default('csv'),
  delimiter: z.enum(['semicolon', 'comma']).default('semicolon'),
  lang: lang.default('ru'),
};

/** Where in the hierarchy and what kind: the filters the institution and result exports share. */
const unitFilters = {
  region: z.string().min(1).max(8).optional(),
  municipality: z.coerce.number().int().positive().optional(),
  kind: z.enum(INSTITUTION_KINDS).optional(),
};

export const reportsContract = {
  unitReport: route({
    method: 'GET',
    path: '/api/reports/units/:level/:key',
    access: 'data.read',
    params: z.object({ level: unitLevel, key: z.string().min(1).max(20) }),
    query: z.object({
      format: reportFormat.default('pdf'),
      lang: lang.default('ru'),
      asOf: isoDate.optional(),
    }),
    /** The JSON format's answer; the others are files. */
    reply: reply<UnitReport>(),
  }),
  exportPages: route({
    method: 'GET',
    path: '/api/exports/pages',
    access: 'data.read',
    query: z.object({ ...fileQuery, ...pageListFilters }),
  }),
  exportInstitutions: route({
    method: 'GET',
    path: '/api/exports/institutions',
    access: 'data.read',
    query: z.object({
      ...fileQuery,
      ...unitFilters,
      q: z.string().max(200).optional(),
      hasPage: queryFlag,
      sort: z.enum(['name', '-name', 'id', '-id']).default('name'),
    }),
  }),
  exportAuditResults: route({
    method: 'GET',
    path: '/api/exports/audit-results',
    access: 'data.read',
    query: z.object({ ...fileQuery, ...unitFilters, level: z.string().max(40).optional() }),
  }),
};
