// SQL of region, municipality and institution reports: everything filtered to the unit (a scope) and read from
// one audit run (and the one before it, for movers and trends).
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';

/** Audit results are placed by their own columns. */
const RESULT_COLUMNS = {
  region: 'r.region_code',
  municipality: 'r.municipality_id',
  institution: 'r.institution_id',
};
const STAT_COLUMNS = {
  region: 's.region_code',
  municipality: 's.municipality_id',
  institution: 's.municipality_id',
};

export async function unitName(db: Db, unit: Scope) {
  switch (unit.level) {
    case 'country':
      return { ru: 'Российская Федерация', en: 'Russian Federation' };
    case 'region': {
      const r = await db.kysely
        .selectFrom('regions')
        .select(['name_ru', 'name_en'])
        .where('code', '=', unit.regionCode)
        .executeTakeFirst();
      return r ? { ru: r.name_ru, en: r.name_en } : null;
    }
    case 'municipality': {
      const m = await db.kysely
        .selectFrom('municipalities')
        .innerJoin('regions', 'regions.code', 'municipalities.region_code')
        .select(['municipalities.name', 'regions.name_ru', 'regions.name_en'])
        .where('municipalities.id', '=', unit.municipalityId)
        .where('municipalities.region_code', '=', unit.regionCode)
        .executeTakeFirst();
      return m ? { ru: `${m.name}, ${m.name_ru}`, en: `${m.name}, ${m.name_en}` } : null;
    }
    case 'institution': {
      const i = await db.kysely
        .selectFrom('institutions')
        .select(['full_name'])
        .where('id', '=', unit.institutionId)
        .executeTakeFirst();
      return i ? { ru: i.full_name, en: i.full_name } : null;
    }
  }
}

/** Mean score and pages per run, oldest first, for the unit's trend. */
export function trendOf(db: Db, unit: Scope, runIds: number[]) {
  return db.kysely
    .selectFrom('audit_page_results as r')
    .innerJoin('audit_runs', 'audit_runs.id', 'r.run_id')
    .select([
      'r.run_id',
      'audit_runs.period_end',
      (eb) => eb.fn.avg<number>('r.total').as('mean'),
      (eb) => eb.fn.countAll<number>().as('pages'),
    ])
    .where('r.run_id', 'in', runIds.length ? runIds : [-1])
    .where(inScope(unit, RESULT_COLUMNS))
    .groupBy(['r.run_id', 'audit_runs.period_end'])
    .orderBy('audit_runs.period_end')
    .execute();
}

/** Status counts per child unit (region, municipality or kind) and rule, for the compliance heatmap. */
export function ruleStatsBy(
  db: Db,
  unit: Scope,
  runId: number,
  by: 'region_code' | 'municipality_id' | 'kind',
) {
  return db.kysely
    .selectFrom('audit_rule_stats as s')
    .select([
      sql<string>`${sql.ref(`s.${by}`)}`.as('unit'),
      's.rule_id',
      (eb) => eb.fn.sum<number>('s.n_pass').as('pass'),
      (eb) => eb.fn.sum<number>('s.n_warn').as('warn'),
      (eb) => eb.fn.sum<number>(sql`s.n_pass + s.n_warn + s.n_fail`).as('judged'),
    ])
    .where('s.run_id', '=', runId)
    .where(inScope(unit.level === 'institution' ? { level: 'country' } : unit, STAT_COLUMNS))
    .groupBy([`s.${by}`, 's.rule_id'])
    .execute();
}

/** Pages of the unit with their score in both runs, the largest rises or falls first. */
export function movers(
  db: Db,
  unit: Scope,
  runId: number,
  previousId: number,
  direction: 'up' | 'down',
  limit: number,
) {
  return db.kysely
    .selectFrom('audit_page_results as r')
    .innerJoin('audit_page_results as p', (join) =>
      join.onRef('p.page_id', '=', 'r.page_id').on('p.run_id', '=', previousId),
    )
    .innerJoin('pages', 'pages.id', 'r.page_id')
    .leftJoin('institutions', 'institutions.id', 'r.institution_id')
    .select([
      'r.page_id',
      'pages.url',
      'institutions.full_name',
      'p.total as before',
      'r.total as after',
      'p.level as levelBefore',
      'r.level as levelAfter',
    ])
    .where('r.run_id', '=', runId)
    .where(inScope(unit, RESULT_COLUMNS))
    .where(sql<boolean>`r.total <> p.total`)
    .where(direction === 'up' ? sql<boolean>`r.total > p.total` : sql<boolean>`r.total < p.total`)
    .orderBy(direction === 'up' ? sql`r.total - p.total desc` : sql`r.total - p.total`)
    .orderBy('r.page_id')
    .limit(limit)
    .execute();
}

/** Pages whose answer rule did not pass, most questions left unanswered first, with the rule's details. */
export async function unansweredPages(db: Db, unit: Scope, runId: number, limit: number) {
  const rows = await db.kysely
    .selectFrom('audit_rule_results as q')
    .innerJoin('audit_page_results as r', (join) =>
      join.onRef('r.page_id', '=', 'q.page_id').onRef('r.run_id', '=', 'q.run_id'),
    )
    .innerJoin('pages', 'pages.id', 'r.page_id')
    .leftJoin('institutions', 'institutions.id', 'r.institution_id')
    .select(['r.page_id', 'pages.url', 'institutions.full_name', 'q.value', 'r.results_json'])
    .where('q.run_id', '=', runId)
    .where('q.rule_id', '=', 'answer-rate')
    .where(inScope(unit, RESULT_COLUMNS))
    // Below the country, the unit's pages first (an indexed range of the run's results), then their rule
    // rows by key: not the whole country's rule rows filtered afterwards.
    .$if(unit.level !== 'country', (query) =>
      query.where(
        'q.page_id',
        'in',
        db.kysely
          .selectFrom('audit_page_results as u')
          .select('u.page_id')
          .where('u.run_id', '=', runId)
          .where(
            inScope(unit, {
              region: 'u.region_code',
              municipality: 'u.municipality_id',
              institution: 'u.institution_id',
            }),
          ),
      ),
    )
    .orderBy('q.value')
    .orderBy('r.page_id')
    .limit(limit * 50)
    .execute();
  const pages = rows.map(({ results_json, ...row }) => {
    const vars = (JSON.parse(results_json) as Record<string, { vars?: Record<string, unknown> }>)[
      'answer-rate'
    ]?.vars;
    return {
      ...row,
      unanswered: Number(vars?.unanswered ?? 0),
      questions: Number(vars?.questions ?? 0),
      oldest: typeof vars?.oldest === 'string' ? vars.oldest : null,
    };
  });
  // Most questions left first: where people wait most.
  return pages.sort((a, b) => b.unanswered - a.unanswered || a.page_id - b.page_id).slice(0, limit);
}

/** An institution's pages with their result in the run. */
export function institutionPages(db: Db, institutionId: number, runId: number) {
  return db.kysely
    .selectFrom('pages')
    .leftJoin('audit_page_results as r', (join) =>
      join.onRef('r.page_id', '=', 'pages.id').on('r.run_id', '=', runId),
    )
    .select(['pages.id', 'pages.url', 'pages.status', 'r.total', 'r.level', 'r.results_json'])
    .where('pages.institution_id', '=', institutionId)
    .orderBy('pages.id')
    .execute();
}

/** A finished run that judged the unit over exactly this period (country-wide or of the unit's region). */
export function runForPeriod(db: Db, unit: Scope, start: number, end: number) {
  return db.kysely
    .selectFrom('audit_runs')
    .select('id')
    .where('status', '=', 'done')
    .where('period_start', '=', start)
    .where('period_end', '=', end)
    .where((eb) =>
      unit.level === 'country'
        ? eb('scope', '=', 'all')
        : eb.or([eb('scope', '=', 'all'), eb('scope', '=', `region:${unit.regionCode}`)]),
    )
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
