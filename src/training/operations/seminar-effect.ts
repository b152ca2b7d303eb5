// The measured effect of a seminar, or of all seminars of a period, on the attendees' pages (effect.ts).
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { differenceInDifferences, type EffectEstimate, type EffectUnit } from '../effect.ts';
import { seminarFor } from '../seminar-access.ts';
import { attendeesOf, listSeminarsInScope, resultsAround } from '../training.repo.ts';
import type { Caller } from './caller.ts';

export type SeminarEffect = {
  runs: { before: number; after: number };
  score: EffectEstimate;
  rules: (EffectEstimate & { ruleId: string })[];
};

/**
 * The change of the attendees' pages against comparable pages that did not attend (same region, kind and
 * starting level), from the last audit ending by `from` to the first ending after `to`; on the score and on
 * each rule's pass rate.
 */
export async function effectBetween(
  db: Db,
  regionCodes: string[] | null,
  from: number,
  to: number,
  attended: Set<number>,
): Promise<SeminarEffect> {
  const around = await resultsAround(db, regionCodes, from, to);
  if (!around)
    throw new AppError('CONFLICT', 'the effect needs an audit before the seminar and one after it');
  const after = new Map(around.after.map((r) => [r.page_id, r]));
  const pairs = around.before.flatMap((b) => {
    const a = after.get(b.page_id);
    return a
      ? [
          {
            b,
            a,
            treated: attended.has(b.institution_id ?? -1),
            stratum: `${b.region_code}|${b.kind}|${b.level}`,
          },
        ]
      : [];
  });
  const score = differenceInDifferences(
    pairs.map((p) => ({ stratum: p.stratum, treated: p.treated, before: p.b.total, after: p.a.total })),
  );
  const passOf = (json: string) =>
    new Map(
      Object.entries(JSON.parse(json) as Record<string, { status: string }>).map(([id, r]) => [id, r.status]),
    );
  const ruleUnits = new Map<string, EffectUnit[]>();
  for (const p of pairs) {
    const before = passOf(p.b.results_json);
    const afterStatus = passOf(p.a.results_json);
    for (const [ruleId, status] of before) {
      const later = afterStatus.get(ruleId);
      // Not applicable or unreadable either time: the rule says nothing about this page's change.
      if (!later || status === 'na' || later === 'na' || status === 'error' || later === 'error') continue;
      const list = ruleUnits.get(ruleId) ?? [];
      list.push({
        stratum: p.stratum,
        treated: p.treated,
        before: status === 'pass' ? 1 : 0,
        after: later === 'pass' ? 1 : 0,
      });
      ruleUnits.set(ruleId, list);
    }
  }
  const rules = [...ruleUnits.entries()]
    .map(([ruleId, units]) => ({ ruleId, ...differenceInDifferences(units, { iterations: 400 }) }))
    .filter((r) => r.effect !== null)
    .sort((x, y) => (y.effect ?? 0) - (x.effect ?? 0));
  return { runs: around.runs, score, rules };
}

/** One seminar's effect, in its region. */
export async function seminarEffect(db: Db, caller: Caller, seminarId: number): Promise<SeminarEffect> {
  const seminar = await seminarFor(db, caller, seminarId);
  return effectBetween(
    db,
    [seminar.region_code],
    seminar.starts_at,
    seminar.ends_at,
    await attendeesOf(db, [seminarId]),
  );
}

/**
 * The effect of all seminars of the caller's area held in a period: attendees of any of them against pages of
 * the same regions that attended none, from the audit before the first to the audit after the last.
 */
export async function periodEffect(db: Db, caller: Caller, from: number, to: number) {
  const held = (await listSeminarsInScope(db, caller.scope)).filter(
    (s) => s.status !== 'cancelled' && s.starts_at >= from && s.starts_at < to,
  );
  if (held.length === 0) throw new AppError('NOT_FOUND', 'no seminars in this period in your scope');
  const attended = await attendeesOf(
    db,
    held.map((s) => s.id),
  );
  const regions = [...new Set(held.map((s) => s.region_code))];
  const effect = await effectBetween(
    db,
    regions,
    Math.min(...held.map((s) => s.starts_at)),
    Math.max(...held.map((s) => s.ends_at)),
    attended,
  );
  return { seminars: held.length, ...effect };
}
