// The embedded demo's accounts: one per role, placed in the demo's first region, its municipality and
// institution, all with one known password — printed by `npm start`, never created in production.

import { createUsers, ROLE_IDS, ROLES, type ScopeSpec } from '../auth/index.ts';
import { CONSOLE_ACTOR } from '../platform/audit-log.ts';
import type { Db } from '../platform/db.ts';
import type { Role } from '../platform/db-schema.ts';
import { AppError } from '../platform/errors.ts';
import { COUNTRY, scopeKey } from '../platform/scope.ts';
import { firstPlacedInstitution } from '../registry/index.ts';

export const DEMO_PASSWORD = 'publica-demo';

export async function ensureDemoAccounts(db: Db): Promise<{ login: string; role: Role; scope: string }[]> {
  const place = await firstPlacedInstitution(db);
  if (!place?.municipality_id) return [];
  const users = createUsers(db);
  const root = { ...CONSOLE_ACTOR, scope: COUNTRY };
  const specs: Record<string, ScopeSpec> = {
    country: { level: 'country' },
    region: { level: 'region', regionCode: place.region_code },
    municipality: { level: 'municipality', municipalityId: place.municipality_id },
    institution: { level: 'institution', institutionId: place.id },
  };
  const out: { login: string; role: Role; scope: string }[] = [];
  for (const role of ROLE_IDS) {
    const login = `demo-${role.replace('_', '-')}`;
    const existing = await users.findByLogin(root, login).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    const spec = specs[ROLES[role].level] as ScopeSpec;
    if (existing) {
      // A restart with a new demo world re-places the accounts and restores the known password.
      await users.change(root, existing.id, { role, scope: spec, disabled: false });
      await users.resetPassword(root, existing.id, DEMO_PASSWORD);
      out.push({ login, role, scope: scopeKey((await users.get(root, existing.id)).scope) });
    } else {
      const { user } = await users.add(root, {
        login,
        role,
        scope: spec,
        password: DEMO_PASSWORD,
        displayName: `Demo ${role}`,
      });
      out.push({ login, role, scope: scopeKey(user.scope) });
    }
  }
  return out;
}
