// The audit log's writer, shared by every feature that changes something on someone's behalf. Entries are
// placed in the hierarchy (the target's region, municipality, institution) so readers see only their scope.
import type { Db } from './db.ts';
import type { Placement } from './scope.ts';

export type Actor = { userId: number | null; login: string; ip?: string | null };

/** The actor of commands run on the server's console. */
export const CONSOLE_ACTOR: Actor = { userId: null, login: 'cli' };

export async function recordAction(
  db: Db,
  actor: Actor,
  entry: {
    action: string;
    targetType: string;
    targetId?: string | number | null;
    at: number;
    details?: object;
  },
  placement: Placement,
): Promise<void> {
  await db.kysely
    .insertInto('audit_log')
    .values({
      at: entry.at,
      user_id: actor.userId,
      actor: actor.login,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
      region_code: placement.regionCode,
      municipality_id: placement.municipalityId,
      institution_id: placement.institutionId,
      details_json: entry.details ? JSON.stringify(entry.details) : null,
      ip: actor.ip ?? null,
    })
    .execute();
}
