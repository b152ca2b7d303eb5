// The auth feature's public face.
export { authContract, type Me } from './auth.contract.ts';
export { authRoutes } from './auth.routes.ts';
export { oidcRoutes } from './oidc.routes.ts';
export { createOidc, type OidcSettings } from './oidc.service.ts';
export { generatePassword } from './password.ts';
export { isRole, PERMISSIONS, type Permission, permissionsOf, ROLE_IDS, ROLES } from './roles.ts';
export { parseScopeText, resolveScope, type ScopeSpec, scopeOfRow } from './scope-spec.ts';
export {
  createSessions,
  DEFAULT_SESSION_POLICY,
  type SessionPolicy,
  type Sessions,
} from './sessions.service.ts';
export { createUsers, type Manager, type NewUser, type UserView } from './users.service.ts';
