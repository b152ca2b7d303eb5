// A workshop version tried on current data against the version it was forked from (or another one named).
import { parsePeriod, previewVersion, type VersionPreview } from '../audit/index.ts';
import type { Db } from '../platform/db.ts';
import { findWorkshopVersion } from './workshop.repo.ts';
import { anyVersion } from './workshop.service.ts';

export async function previewWorkshop(
  db: Db,
  id: string,
  options: {
    against?: string | undefined;
    regionCode?: string | undefined;
    period?: string | undefined;
    now: Date;
  },
): Promise<VersionPreview> {
  const after = await anyVersion(db, id);
  const against = options.against ?? (await findWorkshopVersion(db, id))?.based_on ?? id;
  const before = await anyVersion(db, against);
  const period = parsePeriod(options.period, after.defaultPeriodDays, undefined, options.now);
  return previewVersion(db, before, after, { period, regionCode: options.regionCode });
}
