// A version tried on current data before anyone is judged by it: every page (or a region's) evaluated under the
// version it is now judged by and under the candidate, over the same period, in memory. Nothing is written.
// Says how many pages change level, per region and per rule, with the level counts before and after.
import type { MethodologyVersion } from '../methodology/index.ts';
import type { Db } from '../platform/db.ts';
import { type AuditTarget, listAuditTargets } from '../registry/index.ts';
import { evaluateBatch } from './audit-batch.ts';

export type VersionPreview = {
  before: string;
  after: string;
  period: { start: number; end: number };
  pages: number;
  /** Pages whose level differs between the two versions. */
  changed: number;
  levels: { id: string; before: number; after: number }[];
  /** Pages by level before → after, only the moves. */
  moves: { from: string; to: string; pages: number }[];
  regions: { code: string; pages: number; changed: number }[];
  /** Per rule: pages whose status differs, and pages passing before and after. */
  rules: { rule: string; changed: number; passBefore: number; passAfter: number }[];
};

const BATCH = 200;

export async function previewVersion(
  db: Db,
  before: MethodologyVersion,
  after: MethodologyVersion,
  options: { period: { start: number; end: number }; regionCode?: string | undefined },
): Promise<VersionPreview> {
  const targets = await listAuditTargets(db, { regionCode: options.regionCode });
  const levels = new Map<string, { before: number; after: number }>();
  const level = (id: string) => {
    let found = levels.get(id);
    if (!found) {
      found = { before: 0, after: 0 };
      levels.set(id, found);
    }
    return found;
  };
  for (const l of [...(after.levelOrder ?? after.levels.map((x) => x.id))]) level(l);
  const moves = new Map<string, number>();
  const regions = new Map<string, { pages: number; changed: number }>();
  const rules = new Map<string, { changed: number; passBefore: number; passAfter: number }>();
  let changed = 0;
  for (let i = 0; i < targets.length; i += BATCH) {
    const batch = targets.slice(i, i + BATCH);
    const [a, b] = await Promise.all([
      evaluateBatch(db, before, batch, options.period),
      evaluateBatch(db, after, batch, options.period),
    ]);
    b.audits.forEach((audit, k) => {
      const old = a.audits[k];
      const target = batch[k] as AuditTarget;
      if (!old) return;
      const region = regions.get(target.region_code ?? '-') ?? { pages: 0, changed: 0 };
      regions.set(target.region_code ?? '-', region);
      region.pages++;
      level(old.score.level).before++;
      level(audit.score.level).after++;
      if (old.score.level !== audit.score.level) {
        changed++;
        region.changed++;
        const key = `${old.score.level}\u0000${audit.score.level}`;
        moves.set(key, (moves.get(key) ?? 0) + 1);
      }
      const oldStatus = new Map(old.rules.map((r) => [r.id, r.status]));
      for (const r of audit.rules) {
        const row = rules.get(r.id) ?? { changed: 0, passBefore: 0, passAfter: 0 };
        rules.set(r.id, row);
        const was = oldStatus.get(r.id);
        if (was !== r.status) row.changed++;
        if (was === 'pass') row.passBefore++;
        if (r.status === 'pass') row.passAfter++;
      }
    });
  }
  return {
    before: before.id,
    after: after.id,
    period: options.period,
    pages: targets.length,
    changed,
    levels: [...levels].map(([id, n]) => ({ id, ...n })),
    moves: [...moves]
      .map(([key, pages]) => {
        const [from = '', to = ''] = key.split('\u0000');
        return { from, to, pages };
      })
      .sort((x, y) => y.pages - x.pages),
    regions: [...regions]
      .map(([code, n]) => ({ code, ...n }))
      .sort((x, y) => y.changed - x.changed || x.code.localeCompare(y.code)),
    rules: [...rules]
      .map(([rule, n]) => ({ rule, ...n }))
      .filter((r) => r.changed > 0 || r.passBefore !== r.passAfter),
  };
}
