// The registry's OK groups and MAX channels as pages (platform 'ok' / 'max'): one per institution and network,
// found by the network's id (an OK group listed again moves to the row's institution), else by the
// institution; re-addressed when the registry writes a new address, inserted otherwise.
import type { Insertable } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { PageTable, Platform } from '../platform/db-schema.ts';
import { insertPages, updatePages } from './page.repo.ts';
import type { RegistryRow } from './registry-row.ts';

const NETWORKS = ['ok', 'max'] as const;
const CHUNK = 500;

type Existing = { id: number; platform: Platform; institution_id: number | null; external_id: number | null };

async function existingPages(db: Db, institutionIds: number[], externalIds: number[]): Promise<Existing[]> {
  const out: Existing[] = [];
  for (let i = 0; i < Math.max(institutionIds.length, externalIds.length); i += CHUNK) {
    const inst = institutionIds.slice(i, i + CHUNK);
    const ext = externalIds.slice(i, i + CHUNK);
    out.push(
      ...(await db.kysely
        .selectFrom('pages')
        .select(['id', 'platform', 'institution_id', 'external_id'])
        .where('platform', 'in', [...NETWORKS])
        .where((eb) =>
          eb.or([
            ...(inst.length ? [eb('institution_id', 'in', inst)] : []),
            ...(ext.length ? [eb('external_id', 'in', ext)] : []),
          ]),
        )
        .execute()),
    );
  }
  return out;
}

export async function upsertNetworkPages(
  db: Db,
  rows: RegistryRow[],
  ids: Map<number, number>,
  now: number,
): Promise<number> {
  const wanted = rows.flatMap((row) =>
    NETWORKS.flatMap((network) => {
      const ref = row[network];
      const institutionId = ids.get(row.row);
      return ref && institutionId ? [{ network, ref, institutionId }] : [];
    }),
  );
  if (wanted.length === 0) return 0;
  const externalIds = wanted.flatMap((w) => (w.ref.externalId ? [Number(w.ref.externalId)] : []));
  const existing = await existingPages(
    db,
    [...new Set(wanted.map((w) => w.institutionId))],
    [...new Set(externalIds)],
  );
  const byExternal = new Map(
    existing.filter((p) => p.external_id !== null).map((p) => [`${p.platform}:${p.external_id}`, p]),
  );
  const byInstitution = new Map(
    existing.filter((p) => p.institution_id !== null).map((p) => [`${p.platform}:${p.institution_id}`, p]),
  );
  const inserts: Insertable<PageTable>[] = [];
  const updates: (Insertable<PageTable> & { id: number })[] = [];
  const seen = new Set<string>();
  for (const { network, ref, institutionId } of wanted) {
    const identity = ref.externalId ? `${network}:${ref.externalId}` : `${network}:${ref.url}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const target =
      (ref.externalId ? byExternal.get(identity) : undefined) ??
      byInstitution.get(`${network}:${institutionId}`);
    const page = {
      institution_id: institutionId,
      platform: network,
      url: ref.url,
      external_id: ref.externalId ? Number(ref.externalId) : (target?.external_id ?? null),
      screen_name: ref.screenName,
      status: 'unknown' as const,
      created_at: now,
      updated_at: now,
    };
    if (target) updates.push({ ...page, id: target.id });
    else inserts.push(page);
  }
  await updatePages(db, updates);
  await insertPages(db, inserts);
  return seen.size;
}
