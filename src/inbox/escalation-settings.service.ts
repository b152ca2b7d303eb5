// A region's escalation setting: working hours past the deadline before an unanswered question goes to the
// municipality's queue, and to the region's. Regional operators set their own region's, federal ones any;
// a region without a setting uses the default (9 and 27: one and three working days).
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { notFound, type Scope } from '../platform/scope.ts';
import { escalationSettingsByRegion, regionExists, saveEscalationSettings } from './escalation.repo.ts';
import { DEFAULT_ESCALATION, type EscalationSettings } from './escalation.ts';

type Caller = { userId: number; scope: Scope };

function ownRegion(scope: Scope): string | null {
  if (scope.level === 'country') return null;
  if (scope.level === 'region') return scope.regionCode;
  throw new AppError(
    'FORBIDDEN',
    "escalation is a region's setting: only regional and federal operators change it",
  );
}

export async function escalationSettingOf(
  db: Db,
  scope: Scope,
  regionCode: string,
): Promise<EscalationSettings & { regionCode: string; isDefault: boolean }> {
  if (scope.level !== 'country' && scope.regionCode !== regionCode)
    throw notFound('region', regionCode, 'params.regionCode');
  await requireRegion(db, regionCode);
  const stored = (await escalationSettingsByRegion(db)).get(regionCode);
  return { regionCode, ...(stored ?? DEFAULT_ESCALATION), isDefault: !stored };
}

export async function setEscalationSetting(
  db: Db,
  caller: Caller,
  regionCode: string,
  settings: EscalationSettings,
  now: number,
): Promise<void> {
  const own = ownRegion(caller.scope);
  if (own !== null && own !== regionCode) throw notFound('region', regionCode, 'params.regionCode');
  await requireRegion(db, regionCode);
  if (settings.toRegionAfterHours < settings.toMunicipalityAfterHours)
    throw new AppError(
      'VALIDATION',
      'body.toRegionAfterHours: must not be less than toMunicipalityAfterHours (the region comes after the municipality)',
    );
  await saveEscalationSettings(db, { regionCode, settings, by: caller.userId, at: now });
}

async function requireRegion(db: Db, code: string): Promise<void> {
  if (!(await regionExists(db, code))) throw notFound('region', code, 'params.regionCode');
}
