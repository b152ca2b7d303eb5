// Report files and schedules: generate a unit's report and keep it (on request or on a schedule, by the
// `report.generate` job), list and download what the caller's scope covers, schedule reports by cron.
import { resolveScope, type ScopeSpec } from '../auth/index.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Lang } from '../platform/i18n.ts';
import {
  cronProblem,
  defineSchedule,
  type Job,
  type JobDefinition,
  removeSchedule,
  timeZoneProblem,
} from '../platform/jobs/index.ts';
import { notFound, placementOf, type Scope, scopeKey, scopeWithin, unitId } from '../platform/scope.ts';
import {
  deleteSchedule,
  findSchedule,
  findScheduleInScope,
  insertFile,
  insertSchedule,
} from './report-files.repo.ts';
import { type ReportFormat, renderReport } from './report-render.ts';
import { REPORT_CRON } from './reports.contract.ts';
import { unitReport } from './unit-report.service.ts';

export const REPORT_GENERATE = 'report.generate';

export type UnitSpec = ScopeSpec;

/**
 * A unit as callers give it — `country`, `region 77`, `municipality 12`, `institution 345` — for the API and
 * the CLI alike; `field` names where it came from in errors.
 */
export function unitSpec(level: string, key: string | undefined, field: string): UnitSpec {
  if (level === 'country') return { level: 'country' };
  if (level !== 'region' && level !== 'municipality' && level !== 'institution')
    throw new AppError(
      'VALIDATION',
      `${field}: the unit is country, region, municipality or institution, got "${level}"`,
    );
  if (!key)
    throw new AppError(
      'VALIDATION',
      `${field}: give the ${level === 'region' ? 'region code, e.g. 77' : `${level} id`}`,
    );
  if (level === 'region') return { level, regionCode: key };
  const id = Number(key);
  if (!Number.isInteger(id) || id <= 0)
    throw new AppError('VALIDATION', `${field}: a ${level} is given by its numeric id, got "${key}"`);
  return level === 'municipality' ? { level, municipalityId: id } : { level, institutionId: id };
}

/** A unit given by level and key, with the registry looked up; NOT_FOUND outside the caller's scope. */
export async function unitInScope(db: Db, caller: Scope, spec: UnitSpec): Promise<Scope> {
  const unit = await resolveScope(db, spec);
  if (!scopeWithin(unit, caller)) throw notFound(unit.level, unitId(unit));
  return unit;
}

function placement(unit: Scope) {
  const at = placementOf(unit);
  return { region_code: at.regionCode, municipality_id: at.municipalityId, institution_id: at.institutionId };
}

/** Renders the report of `unit` and stores it; the new file's id. */
export async function generateReportFile(
  db: Db,
  unit: Scope,
  options: { format: ReportFormat; lang: Lang; scheduleId?: number | null; createdBy?: number | null },
): Promise<number> {
  const report = await unitReport(db, unit, unit);
  const content = await renderReport(report, options.format, options.lang);
  return insertFile(db, {
    level: unit.level,
    ...placement(unit),
    unit_key: report.unit.key,
    unit_name: report.unit.name[options.lang],
    format: options.format,
    lang: options.lang,
    created_by: options.createdBy ?? null,
    created_at: Math.floor(Date.now() / 1000),
    schedule_id: options.scheduleId ?? null,
    run_id: report.run?.id ?? null,
    bytes: content.length,
    content,
  });
}

export type ScheduleInput = {
  unit: UnitSpec;
  format: ReportFormat;
  lang: Lang;
  cron: string;
  tz: string;
};

export async function createReportSchedule(
  db: Db,
  caller: { id: number | null; scope: Scope },
  input: ScheduleInput,
): Promise<number> {
  // Checked before anything is written: a zone Intl does not know was once stored, then failed every tick.
  const problem = cronProblem(input.cron, REPORT_CRON);
  if (problem) throw new AppError('VALIDATION', `body.cron: ${problem}`);
  const zone = timeZoneProblem(input.tz);
  if (zone) throw new AppError('VALIDATION', `body.tz: ${zone}`);
  const unit = await unitInScope(db, caller.scope, input.unit);
  const id = await insertSchedule(db, {
    level: unit.level,
    ...placement(unit),
    unit_key: scopeKey(unit),
    format: input.format,
    lang: input.lang,
    cron: input.cron,
    tz: input.tz,
    created_by: caller.id,
    created_at: Math.floor(Date.now() / 1000),
  });
  await defineSchedule(db, `report:${id}`, {
    cron: input.cron,
    tz: input.tz,
    queue: REPORT_GENERATE,
    data: { scheduleId: id },
  });
  return id;
}

export async function deleteReportSchedule(db: Db, caller: Scope, id: number): Promise<void> {
  const schedule = await findScheduleInScope(db, caller, id);
  if (!schedule) throw new AppError('NOT_FOUND', `no report schedule ${id}`);
  await removeSchedule(db, `report:${id}`);
  await deleteSchedule(db, id);
}

/** The scope a stored schedule's unit stands for. */
function unitOfRow(row: {
  level: Scope['level'];
  region_code: string | null;
  municipality_id: number | null;
  institution_id: number | null;
}): UnitSpec {
  return {
    level: row.level,
    ...(row.region_code ? { regionCode: row.region_code } : {}),
    ...(row.municipality_id ? { municipalityId: row.municipality_id } : {}),
    ...(row.institution_id ? { institutionId: row.institution_id } : {}),
  };
}

export function reportJobs(db: Db): JobDefinition[] {
  return [
    {
      queue: REPORT_GENERATE,
      options: { retryLimit: 2, retryDelaySeconds: 30, expireSeconds: 600 },
      handler: async (job: Job<{ scheduleId: number }>) => {
        const schedule = await findSchedule(db, job.data.scheduleId);
        // A schedule deleted after its slot fired: nothing to make.
        if (!schedule) return { skipped: true };
        const unit = await resolveScope(db, unitOfRow(schedule));
        const fileId = await generateReportFile(db, unit, {
          format: schedule.format,
          lang: schedule.lang,
          scheduleId: schedule.id,
          createdBy: schedule.created_by,
        });
        return { fileId };
      },
    },
  ];
}
