// Re-auditing under a workshop version: the current period (or one the methodologist names) judged by it, in
// this process. The run is recorded like any other, so reports and cards read the new version's texts.
import { type AuditSummary, parsePeriod, runAudit } from '../audit/index.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { anyVersion } from './workshop.service.ts';

export async function reaudit(
  db: Db,
  id: string,
  options: { period?: string | undefined; regionCode?: string | undefined; now: Date },
): Promise<AuditSummary> {
  const version = await anyVersion(db, id);
  if (version.status !== 'published')
    throw new AppError('CONFLICT', `methodology ${id} is a draft: publish it before pages are judged by it`);
  const period = parsePeriod(options.period, version.defaultPeriodDays, undefined, options.now);
  return runAudit(db, {
    version,
    period,
    now: options.now,
    ...(options.regionCode ? { regionCode: options.regionCode } : {}),
  });
}
