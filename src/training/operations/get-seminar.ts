// One seminar with its enrolments and materials.
import type { Db } from '../../platform/db.ts';
import { canPlan, isWebAddress, seminarFor } from '../seminar-access.ts';
import { auditsAround, enrolmentCounts, enrolmentsWithInstitutions, materialsOf } from '../training.repo.ts';
import type { Caller } from './caller.ts';
import { view } from './seminar-view.ts';

/**
 * A seminar with the enrolments inside the caller's scope (an institution's caller sees its own only; a
 * municipality's, its municipality's), materials and whether the caller may run it.
 */
export async function getSeminar(db: Db, caller: Caller, id: number) {
  const seminar = await seminarFor(db, caller, id);
  const enrolments = await enrolmentsWithInstitutions(db, id, caller.scope);
  return {
    ...view(seminar),
    canManage: canPlan(caller, seminar.region_code, seminar.municipality_id ?? undefined),
    // Whether the effect can be measured: an audit ending by the start and one ending after the end.
    effectReady: (await auditsAround(db, seminar.starts_at, seminar.ends_at)) !== null,
    counts: (await enrolmentCounts(db, [id])).get(id) ?? {
      invited: 0,
      registered: 0,
      waitlisted: 0,
      attended: 0,
    },
    materials: (await materialsOf(db, id))
      .filter((m) => isWebAddress(m.url))
      .map((m) => ({ id: m.id, title: m.title, url: m.url })),
    enrolments: enrolments.map((e) => ({
      institutionId: e.institution_id,
      name: e.short_name ?? e.full_name,
      inn: e.inn,
      status: e.status,
      attended: e.attended === 1,
      certificateCode: e.certificate_code,
    })),
  };
}
