// The audit of the world `npm start` builds, by its own code (`publica start --no-serve`: the demo world generated,
// its pages collected from the simulated VK, OK and MAX, the 2023.1 audit), at a reduced size: under every
// shipped version each rule it judges automatically is met by some page and missed by another, and no card says
// "below similar pages" at or above the peers' median. The traffic-light version gives its full 90 points to the
// pages that earn them once the region's Госпаблики export is imported: before it, the Госпаблики connection is
// unknown for every page, and a 90 shown is judged points scaled, not earned.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod, runAudit } from '../src/audit/index.ts';
import { importGospublikiExport } from '../src/audit/page-facts.service.ts';
import { listVersionIds, loadVersion, type MethodologyVersion } from '../src/methodology/index.ts';
import { type Db, openDb } from '../src/platform/db.ts';
import { readWorld } from '../src/vk-sim/index.ts';
import { belowTheMedian, type PageRun, runPages, unmetOrUnmissed } from './audit-truth.ts';
import { tempDir } from './db.ts';
import { runPublica } from './scale/processes.ts';

const dir = tempDir('publica-demo-audit-');
let db: Db;
const runs = new Map<string, { version: MethodologyVersion; runId: number; pages: PageRun[] }>();

async function audit(version: MethodologyVersion) {
  const { runId } = await runAudit(db, {
    version,
    period: parsePeriod(undefined, version.defaultPeriodDays),
    workers: 1,
  });
  return { version, runId, pages: await runPages(db, runId) };
}

const statusOf = (p: PageRun, rule: string) => p.outcomes.find((o) => o.id === rule)?.status;

beforeAll(async () => {
  await runPublica(['start', '--no-serve', '--institutions', '300', '--regions', '3'], {
    PUBLICA_DATA_DIR: dir,
    PUBLICA_DB: path.join(dir, 'publica.db'),
    PUBLICA_LOG_LEVEL: 'warn',
  });
  db = openDb(path.join(dir, 'publica.db'));
  // The audit `publica start` made is the latest of 2023.1; the other versions are audited here, as a region would.
  const { id } = await db.kysely
    .selectFrom('audit_runs')
    .select('id')
    .where('methodology_version', '=', '2023.1')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  runs.set('2023.1', { version: loadVersion('2023.1'), runId: id, pages: await runPages(db, id) });
  for (const v of listVersionIds()) if (!runs.has(v)) runs.set(v, await audit(loadVersion(v)));
}, 600_000);

afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(listVersionIds())('the audit of the demo `publica start` builds, under %s', (id) => {
  it('has pages that meet and pages that miss every rule it judges automatically', () => {
    const run = runs.get(id);
    if (!run) throw new Error(id);
    expect(run.pages.length).toBeGreaterThan(150);
    expect(unmetOrUnmissed(run.version, run.pages)).toEqual([]);
  });

  it('never says a page is below similar pages when its value is at or above their median', async () => {
    const run = runs.get(id);
    if (!run) throw new Error(id);
    const { below, wrong } = await belowTheMedian(db, run.runId, run.pages);
    expect(below).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});

describe('the traffic light on the demo `publica start` builds', () => {
  it('gives its full 90 points to the pages that earn them once the region’s Госпаблики export is in', async () => {
    const before = runs.get('svetofor');
    if (!before) throw new Error('svetofor');
    const full = before.version.rules.reduce((s, r) => s + r.weight, 0);
    expect(full).toBe(90);
    // VK never tells the Госпаблики connection: unknown for every page, so any 90 is scaled, none earned.
    expect(before.pages.every((p) => statusOf(p, 'gospubliki-connected') === 'unknown')).toBe(true);
    const scaled = before.pages.filter((p) => p.total === full);
    expect(scaled.length).toBeGreaterThan(0);
    // Some pages' VK answers carry no state-mark field: unknown, not failed.
    const unsentMark = before.pages.filter((p) => statusOf(p, 'state-mark') === 'unknown');
    expect(unsentMark.length).toBeGreaterThan(0);

    // The export as a region receives it: a row per institution with a page; a marked page is connected.
    const world = readWorld(path.join(dir, 'demo-world'));
    const marked = new Map(world.communities.map((c) => [c.id, c.gov_mark]));
    const rows = await db.kysely
      .selectFrom('pages')
      .innerJoin('institutions', 'institutions.id', 'pages.institution_id')
      .select(['institutions.ogrn', 'pages.external_id'])
      .where('pages.platform', '=', 'vk')
      .where('institutions.ogrn', 'is not', null)
      .execute();
    const yes = (b: boolean | undefined) => (b ? 'да' : 'нет');
    const grid = [
      ['ОГРН', 'Подключено', 'Отметка «Госорганизация»', 'Оформление, %', 'Виджеты ПОС', 'Активность, %'],
      ...[...new Map(rows.map((r) => [r.ogrn, marked.get(r.external_id ?? 0)])).entries()].map(
        ([ogrn, mark]) => [ogrn ?? '', yes(mark), yes(mark), '', '', ''],
      ),
    ];
    const report = await importGospublikiExport(db, grid, {
      by: null,
      at: Math.floor(Date.now() / 1000),
      file: 'gospubliki.csv',
    });
    expect(report.problems).toEqual([]);

    const after = await audit(before.version);
    const known = after.pages.filter((p) => !p.outcomes.some((o) => o.status === 'unknown'));
    const earned = after.pages.filter((p) => p.outcomes.every((o) => o.status === 'pass'));
    expect(earned.length).toBeGreaterThan(10);
    for (const p of earned) expect([p.url, p.total, p.level]).toEqual([p.url, full, 'green']);
    // A full score now means every rule met: no page with all its facts known shows 90 it did not earn.
    for (const p of known.filter((x) => x.total === full))
      expect(p.outcomes.filter((o) => o.status !== 'pass').map((o) => o.id)).toEqual([]);
    // Each unsent mark is now judged from the export, pass or fail, and names it as its source.
    const byId = new Map(after.pages.map((p) => [p.id, p]));
    for (const p of unsentMark) {
      const mark = byId.get(p.id)?.outcomes.find((o) => o.id === 'state-mark');
      expect(['pass', 'fail']).toContain(mark?.status);
      expect(mark?.source?.source).toBe('export');
    }
  }, 300_000);
});
