// Facts outside VK's answer, recorded two ways: an operator's check of one page (who, when, evidence), and the
// region's Госпаблики export (ОГРН, connected, state mark, design %, widgets 0/1/2, activity %) for many pages at
// once — every row checked first, row-level problems reported in the registry importer's style, and nothing
// written unless every row is right.
import type { ExternalFact } from '../methodology/index.ts';
import { type Db, inTransaction } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Scope } from '../platform/scope.ts';
import { type FactRow, insertPageFacts, pagesByOgrn } from './page-facts.repo.ts';

export const CHECKABLE_FACTS: readonly ExternalFact[] = [
  'feedbackWidgets',
  'gospublikiConnected',
  'siteBacklink',
  'twoFactor',
  'stateMark',
];

/** The fact each rule judges that an operator may record, and its largest value (widgets count 0…2). */
export const RULE_FACTS: Readonly<Record<string, { fact: ExternalFact; max: 1 | 2 }>> = {
  'feedback-widgets': { fact: 'feedbackWidgets', max: 2 },
  'gospubliki-connected': { fact: 'gospublikiConnected', max: 1 },
  'site-backlink': { fact: 'siteBacklink', max: 1 },
  'two-factor': { fact: 'twoFactor', max: 1 },
  'state-mark': { fact: 'stateMark', max: 1 },
};

export type ManualCheck = { pageId: number; fact: string; value: number | boolean; evidence?: string };

/** Records one operator's check; a bad field is a VALIDATION error naming it, and nothing is written. */
export async function recordCheck(db: Db, check: ManualCheck, by: number | null, at: number): Promise<void> {
  const fact = check.fact as ExternalFact;
  if (!CHECKABLE_FACTS.includes(fact))
    throw new AppError('VALIDATION', `unknown fact "${check.fact}"`, [
      { path: 'fact', message: `one of ${CHECKABLE_FACTS.join(', ')}` },
    ]);
  const value = typeof check.value === 'boolean' ? (check.value ? 1 : 0) : check.value;
  const max = fact === 'feedbackWidgets' ? 2 : 1;
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new AppError('VALIDATION', `value must be 0…${max}`, [{ path: 'value', message: `0…${max}` }]);
  const page = await db.kysely
    .selectFrom('pages')
    .select('id')
    .where('id', '=', check.pageId)
    .executeTakeFirst();
  if (!page) throw new AppError('NOT_FOUND', `page ${check.pageId} not found`);
  await insertPageFacts(db, [
    {
      page_id: check.pageId,
      fact,
      value,
      source: 'manual',
      checked_by: by,
      checked_at: at,
      evidence: check.evidence?.trim() || null,
    },
  ]);
}

type Column = 'ogrn' | 'connected' | 'stateMark' | 'design' | 'widgets' | 'activity';

const HEADERS: [Column, RegExp][] = [
  ['ogrn', /огрн|ogrn/i],
  ['connected', /подключ|connected/i],
  ['stateMark', /отметк|госорганизац|mark/i],
  ['design', /оформлен|design/i],
  ['widgets', /виджет|widget/i],
  ['activity', /активн|activity/i],
];

export type ExportProblem = { row: number; field: Column | 'file'; key: string; value?: string };
export type ExportReport = { rows: number; pages: number; facts: number; problems: ExportProblem[] };

const YES = /^(да|yes|true|1|подключен[оа]?|есть)$/i;
const NO = /^(нет|no|false|0|не подключен[оа]?)$/i;

function yesNo(v: string): number | null {
  const t = v.trim();
  return YES.test(t) ? 1 : NO.test(t) ? 0 : null;
}

function percent(v: string): number | null {
  const n = Number(v.trim().replace('%', '').replace(',', '.'));
  return v.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

/**
 * Imports the export's grid (header row first, as the registry reader gives it). Rows whose ОГРН matches no
 * page of the region are problems too: an export row that fills nothing is a mistake to show.
 */
export async function importGospublikiExport(
  db: Db,
  grid: string[][],
  options: {
    by: number | null;
    at: number;
    file: string;
    scope?: Scope;
    dryRun?: boolean;
    /** Written in the same transaction as the facts (the audit log's entry). */
    afterWrite?: (tx: Db, report: ExportReport) => Promise<void>;
  },
): Promise<ExportReport> {
  const [header, ...body] = grid;
  const columns = new Map<Column, number>();
  header?.forEach((h, i) => {
    const found = HEADERS.find(([, re]) => re.test(h));
    if (found && !columns.has(found[0])) columns.set(found[0], i);
  });
  const problems: ExportProblem[] = [];
  if (!columns.has('ogrn')) problems.push({ row: 1, field: 'file', key: 'no_ogrn_column' });
  const parsed: {
    row: number;
    ogrn: string;
    connected: number | null;
    mark: number | null;
    widgets: number | null;
  }[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: Column) => {
      const at = columns.get(c);
      return at === undefined ? undefined : (cells[at] ?? '').trim();
    };
    const ogrn = cell('ogrn') ?? '';
    if (!/^\d{13}$/.test(ogrn)) problems.push({ row, field: 'ogrn', key: 'invalid_ogrn', value: ogrn });
    const flag = (c: Column) => {
      const v = cell(c);
      if (v === undefined || v === '') return null;
      const n = yesNo(v);
      if (n === null) problems.push({ row, field: c, key: 'expected_yes_no', value: v });
      return n;
    };
    const connected = flag('connected');
    const mark = flag('stateMark');
    const w = cell('widgets');
    let widgets: number | null = null;
    if (w !== undefined && w !== '') {
      widgets = /^[012]$/.test(w) ? Number(w) : null;
      if (widgets === null) problems.push({ row, field: 'widgets', key: 'expected_0_1_2', value: w });
    }
    for (const c of ['design', 'activity'] as const) {
      const v = cell(c);
      if (v !== undefined && v !== '' && percent(v) === null)
        problems.push({ row, field: c, key: 'expected_percent', value: v });
    }
    parsed.push({ row, ogrn, connected, mark, widgets });
  });
  const pages = await pagesByOgrn(db, [...new Set(parsed.map((p) => p.ogrn))], options.scope);
  const facts: FactRow[] = [];
  const evidence = (row: number) => `${options.file}, row ${row}`;
  for (const p of parsed) {
    const ids = pages.get(p.ogrn);
    if (!ids) {
      if (/^\d{13}$/.test(p.ogrn))
        problems.push({ row: p.row, field: 'ogrn', key: 'no_page', value: p.ogrn });
      continue;
    }
    for (const pageId of ids)
      for (const [fact, value] of [
        ['gospublikiConnected', p.connected],
        ['stateMark', p.mark],
        ['feedbackWidgets', p.widgets],
      ] as const)
        if (value !== null)
          facts.push({
            page_id: pageId,
            fact,
            value,
            source: 'export',
            checked_by: options.by,
            checked_at: options.at,
            evidence: evidence(p.row),
          });
  }
  problems.sort((a, b) => a.row - b.row);
  const report = {
    rows: parsed.length,
    pages: new Set(facts.map((f) => f.page_id)).size,
    facts: facts.length,
    problems,
  };
  if (problems.length > 0 || options.dryRun)
    return { ...report, facts: problems.length > 0 ? 0 : report.facts };
  await inTransaction(db, async (tx) => {
    await insertPageFacts(tx, facts);
    await options.afterWrite?.(tx, report);
  });
  return report;
}
