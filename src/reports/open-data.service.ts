// Open data: aggregates by region and municipality from the newest audit under the region's version — counts by level,
// coverage, mean score — with no personal data and no institution named: only units of the territory.
import { doneRunsFor, rollup } from '../analytics/index.ts';
import { listVersionIds, shippedVersion, shownLevels } from '../methodology/index.ts';
import { type CoverageFigures, coverageByUnit, networkCoverage } from '../networks/index.ts';
import { BOM, exportLine } from '../platform/csv.ts';
import type { Db } from '../platform/db.ts';
import { COUNTRY } from '../platform/scope.ts';
import { regionVersion } from '../registry/index.ts';

export type OpenRow = {
  code: string;
  nameRu: string;
  nameEn: string;
  institutions: number;
  institutionsWithPage: number;
  pagesAudited: number;
  institutionsCovered: number;
  coverage: number | null;
  meanScore: number | null;
  levels: Record<string, number>;
  /** Institutions with a page on each network, and those meeting the legal duty (a page on VK and on OK). */
  networks: { vk: number; ok: number; max: number; meetsLegalDuty: number };
};

export type OpenData = {
  audit: { runId: number; methodology: string; periodStart: string; periodEnd: string } | null;
  unit: 'region' | 'municipality';
  levels: string[];
  rows: OpenRow[];
};

export async function openData(
  db: Db,
  unit: 'region' | 'municipality',
  regionCode?: string,
): Promise<OpenData> {
  // The newest run under the version the region (or, country-wide, the nation) is judged by, else the newest.
  const own = await regionVersion(db, regionCode);
  const runs = await doneRunsFor(db, regionCode ? { level: 'region', regionCode } : COUNTRY, 40);
  const chosen = runs.find((run) => run.methodology_version === own) ?? runs[0] ?? null;
  const r = await rollup(db, COUNTRY, unit, regionCode, chosen);
  const presence = coverageByUnit((await networkCoverage(db, COUNTRY, regionCode)).institutions, unit);
  // The run's version's levels, best first, always listed; a level it does not know is added after them.
  const known =
    chosen && listVersionIds().includes(chosen.methodology_version)
      ? shownLevels(shippedVersion(chosen.methodology_version)).map((l) => l.id)
      : [];
  const levels = [
    ...known,
    ...Object.keys(r.total.levels)
      .filter((l) => !known.includes(l))
      .sort(),
  ];
  return {
    audit: r.run
      ? {
          runId: r.run.id,
          methodology: r.run.version,
          periodStart: isoDate(r.run.periodStart),
          periodEnd: isoDate(r.run.periodEnd),
        }
      : null,
    unit,
    levels,
    rows: r.rows
      .filter((row) => row.key !== '-')
      .map((row) => ({
        code: row.key,
        nameRu: row.nameRu,
        nameEn: row.nameEn,
        institutions: row.institutions,
        institutionsWithPage: row.withPage,
        pagesAudited: row.audited,
        institutionsCovered: row.covered,
        coverage: row.coverage,
        meanScore: row.meanScore,
        levels: Object.fromEntries(levels.map((l) => [l, row.levels[l] ?? 0])),
        networks: networksOf(presence.get(row.key)),
      })),
  };
}

export function openColumns(levels: string[]): string[] {
  return [
    'code',
    'name_ru',
    'name_en',
    'institutions',
    'institutions_with_page',
    'pages_audited',
    'institutions_covered',
    'coverage',
    'mean_score',
    ...levels.map((l) => `level_${l}`),
    'on_vk',
    'on_ok',
    'on_max',
    'meets_legal_duty',
    'methodology',
    'period_start',
    'period_end',
  ];
}

/** CSV for spreadsheets: UTF-8 with BOM, `;` by default (Excel in a Russian locale), `,` on request. */
export function openDataCsv(data: OpenData, delimiter: ';' | ','): string {
  const lines = [exportLine(openColumns(data.levels), delimiter)];
  for (const row of data.rows)
    lines.push(
      exportLine(
        [
          row.code,
          row.nameRu,
          row.nameEn,
          row.institutions,
          row.institutionsWithPage,
          row.pagesAudited,
          row.institutionsCovered,
          row.coverage,
          row.meanScore,
          ...data.levels.map((l) => row.levels[l] ?? 0),
          row.networks.vk,
          row.networks.ok,
          row.networks.max,
          row.networks.meetsLegalDuty,
          data.audit?.methodology,
          data.audit?.periodStart,
          data.audit?.periodEnd,
        ],
        delimiter,
      ),
    );
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

function networksOf(f: CoverageFigures | undefined): OpenRow['networks'] {
  return f
    ? { vk: f.on.vk, ok: f.on.ok, max: f.on.max, meetsLegalDuty: f.meetsLegalDuty }
    : { vk: 0, ok: 0, max: 0, meetsLegalDuty: 0 };
}

function isoDate(unix: number): string {
  return new Date(unix * 1000).toISOString().slice(0, 10);
}
