// What the workshop routes share: their OpenAPI tag, the contract, the clock, who acts, and how a version is shown.
import { shownLevels } from '../../methodology/index.ts';
import { type Clock, unixSeconds } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { principalOf } from '../../platform/http/principal.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { workshopContract } from '../workshop.contract.ts';
import { TEXT_FIELDS, type WorkshopVersion } from '../workshop.service.ts';

export const tags = ['methodology'];
export const c = workshopContract;

export type WorkshopRouteDeps = {
  db: Db;
  clock: Clock;
  /** The job queue re-audits go through, opened on first use. */
  queue: () => Promise<JobQueue>;
};

export const nowOf = (clock: Clock) => unixSeconds(clock.now());

export function actor(request: Parameters<typeof principalOf>[0]) {
  const p = principalOf(request);
  return { userId: p.userId, login: p.login, ip: request.ip };
}

export function shown(w: WorkshopVersion) {
  const v = w.version;
  return {
    id: w.id,
    basedOn: w.basedOn,
    status: w.status,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    publishedAt: w.publishedAt,
    hash: v.hash,
    title: v.title,
    levels: shownLevels(v),
    rules: v.rules.map((r) => ({
      id: r.id,
      category: r.category,
      weight: r.weight,
      severity: r.severity,
      params: r.params,
      scoring: r.scoring ?? null,
      proposed: r.proposed ?? [],
      title: r.title,
      failureTitle: r.failureTitle,
      texts: Object.fromEntries(TEXT_FIELDS.flatMap((f) => (r[f] ? [[f, r[f]]] : []))),
    })),
  };
}
