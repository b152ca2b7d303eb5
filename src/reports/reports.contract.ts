// The reports API the app calls, as data: a unit's report (PDF, XLSX, HTML or JSON) and the list exports (CSV or
// XLSX, with the lists' filters). The routes register from here; the web app's client is typed from it
// (type-only); and the schedules that make unit reports by cron and the files they made.
import { z } from 'zod';
import { pageListFilters } from '../analytics/index.ts';
import { isoDate, timeZone } from '../platform/calendar-date.ts';
import { reply, route } from '../platform/http/contract.ts';
import { idParam, listOf, okBody, pagination, queryFlag } from '../platform/http/schemas.ts';
import { cronProblem } from '../platform/jobs/cron-check.ts';
import { INSTITUTION_KINDS } from '../platform/vocabulary.ts';
import { REPORT_FORMATS } from './report-render.ts';
import type { UnitReport } from './unit-report.service.ts';

export type { UnitReport };

export const unitLevel = z.enum(['country', 'region', 'municipality', 'institution']);
export const reportFormat = z
  .enum(REPORT_FORMATS as [string, ...string[]])
  .transform((f) => f as (typeof REPORT_FORMATS)[number]);
const lang = z.enum(['ru', 'en']);

/** A report is heavy to render: at most one an hour per schedule, and no seconds field. */
export const REPORT_CRON = { hourlyAtMost: true } as const;

const scheduleItem = z.object({
  id: z.number().int(),
  level: unitLevel,
  unitKey: z.string(),
  format: z.string(),
  lang,
  cron: z.string(),
  tz: z.string(),
  createdAt: z.number().int(),
});

const fileItem = z.object({
  id: z.number().int(),
  level: unitLevel,
  unitKey: z.string(),
  unitName: z.string(),
  format: z.string(),
  lang,
  runId: z.number().int().nullable(),
  bytes: z.number().int(),
  scheduleId: z.number().int().nullable(),
  createdAt: z.number().int(),
});

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
  schedules: route({
    method: 'GET',
    path: '/api/reports/schedules',
    access: 'data.read',
    response: z.object({ items: z.array(scheduleItem) }),
  }),
  addSchedule: route({
    method: 'POST',
    path: '/api/reports/schedules',
    access: 'data.read',
    body: z.object({
      level: unitLevel,
      key: z.string().min(1).max(20).default('all'),
      format: reportFormat.default('pdf'),
      lang: lang.default('ru'),
      cron: z
        .string()
        .max(100)
        .superRefine((cron, ctx) => {
          const problem = cronProblem(cron, REPORT_CRON);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
      tz: timeZone.default('Europe/Moscow'),
    }),
    response: z.object({ id: z.number().int() }),
  }),
  removeSchedule: route({
    method: 'DELETE',
    path: '/api/reports/schedules/:id',
    access: 'data.read',
    params: idParam,
    response: okBody,
  }),
  files: route({
    method: 'GET',
    path: '/api/reports/files',
    access: 'data.read',
    query: z.object({ ...pagination, schedule: z.coerce.number().int().positive().optional() }),
    response: listOf(fileItem),
  }),
  /** The file itself. */
  file: route({
    method: 'GET',
    path: '/api/reports/files/:id',
    access: 'data.read',
    params: idParam,
  }),
};
