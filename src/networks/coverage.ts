// Presence on each network, per institution and for a region: the legal duty (government order 2523-р) is a
// page on VK and on OK; MAX is recommended. Pure: the facts come from the registry's pages and their status
// after collection.
import type { PageStatus, Platform } from '../platform/db-schema.ts';
import { NETWORK_IDS, type NetworkId } from './model.ts';
import { requiredNetworks } from './networks.ts';

/** yes: a page listed and not found gone; no: none listed, or the one listed is deleted or banned. */
export type PresenceFact = {
  network: NetworkId;
  present: boolean;
  source: 'registry' | 'collected';
  pages: number;
};

export type InstitutionCoverage = {
  institutionId: number;
  regionCode: string;
  municipalityId: number | null;
  facts: Record<NetworkId, PresenceFact>;
  meetsLegalDuty: boolean;
};

export type CoverageFigures = {
  institutions: number;
  on: Record<NetworkId, number>;
  share: Record<NetworkId, number | null>;
  meetsLegalDuty: number;
  meetsLegalDutyShare: number | null;
  required: NetworkId[];
};

const GONE = new Set<PageStatus>(['deleted', 'banned']);

export function institutionCoverage(
  rows: {
    institution_id: number;
    region_code: string;
    municipality_id?: number | null;
    platform: Platform | null;
    status: PageStatus | null;
  }[],
): InstitutionCoverage[] {
  const required = requiredNetworks();
  const byInstitution = new Map<number, InstitutionCoverage>();
  for (const row of rows) {
    let c = byInstitution.get(row.institution_id);
    if (!c) {
      const facts = Object.fromEntries(
        NETWORK_IDS.map((n) => [n, { network: n, present: false, source: 'registry', pages: 0 }]),
      ) as Record<NetworkId, PresenceFact>;
      c = {
        institutionId: row.institution_id,
        regionCode: row.region_code,
        municipalityId: row.municipality_id ?? null,
        facts,
        meetsLegalDuty: false,
      };
      byInstitution.set(row.institution_id, c);
    }
    const network = row.platform as NetworkId | null;
    if (!network || !(NETWORK_IDS as readonly string[]).includes(network)) continue;
    const fact = c.facts[network];
    fact.pages++;
    const collected = row.status !== null && row.status !== 'unknown';
    if (!GONE.has(row.status ?? 'unknown')) {
      fact.present = true;
      if (collected) fact.source = 'collected';
    } else if (!fact.present) fact.source = 'collected';
  }
  for (const c of byInstitution.values()) c.meetsLegalDuty = required.every((n) => c.facts[n].present);
  return [...byInstitution.values()];
}

export function coverageFigures(list: InstitutionCoverage[]): CoverageFigures {
  const on = Object.fromEntries(
    NETWORK_IDS.map((n) => [n, list.filter((c) => c.facts[n].present).length]),
  ) as Record<NetworkId, number>;
  const share = (k: number) => (list.length ? Math.round((k / list.length) * 1000) / 1000 : null);
  const meets = list.filter((c) => c.meetsLegalDuty).length;
  return {
    institutions: list.length,
    on,
    share: Object.fromEntries(NETWORK_IDS.map((n) => [n, share(on[n])])) as Record<NetworkId, number | null>,
    meetsLegalDuty: meets,
    meetsLegalDutyShare: share(meets),
    required: requiredNetworks(),
  };
}

/** The figures per unit of the territory: by region code, or by municipality id ('-' for none). */
export function coverageByUnit(
  list: InstitutionCoverage[],
  unit: 'region' | 'municipality',
): Map<string, CoverageFigures> {
  const groups = new Map<string, InstitutionCoverage[]>();
  for (const c of list) {
    const key = unit === 'region' ? c.regionCode : c.municipalityId === null ? '-' : String(c.municipalityId);
    const group = groups.get(key) ?? [];
    group.push(c);
    groups.set(key, group);
  }
  return new Map([...groups].map(([key, group]) => [key, coverageFigures(group)]));
}
