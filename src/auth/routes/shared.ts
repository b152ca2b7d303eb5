// What the auth routes share: their OpenAPI tag, the contract, what the composition root gives, and the views
// of a principal and a token they answer with.
import type { Db } from '../../platform/db.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { authContract } from '../auth.contract.ts';
import type { Sessions } from '../sessions.service.ts';
import type { createUsers, Manager } from '../users.service.ts';

export const tags = ['auth'];
export const c = authContract;

export type AuthRouteDeps = {
  db: Db;
  sessions: Sessions;
  users: ReturnType<typeof createUsers>;
  secureCookies: boolean;
};

type TokenRow = Awaited<ReturnType<Sessions['listTokens']>>[number];

export function tokenView(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    permissions: t.permissions.split(',').filter(Boolean),
    createdAt: t.created_at,
    expiresAt: t.expires_at,
    lastUsedAt: t.last_used_at,
    revokedAt: t.revoked_at,
  };
}

export function me(principal: Principal) {
  return {
    id: principal.userId,
    login: principal.login,
    role: principal.role,
    scope: principal.scope,
    permissions: [...principal.permissions].sort(),
    via: principal.via,
    csrfToken: principal.csrfToken,
  };
}

export function manager(principal: Principal | null, ip: string): Manager {
  if (!principal) throw new Error('a users route ran without a principal');
  return { userId: principal.userId, login: principal.login, ip, scope: principal.scope };
}
