// The auth API, one file per operation; auth.routes.ts registers them all.
import type { App } from '../../platform/http/server.ts';
import { changeUserRoute } from './change-user.route.ts';
import { createTokenRoute } from './create-token.route.ts';
import { createUserRoute } from './create-user.route.ts';
import { getMeRoute } from './get-me.route.ts';
import { getUserRoute } from './get-user.route.ts';
import { listAuditLogRoute } from './list-audit-log.route.ts';
import { listTokensRoute } from './list-tokens.route.ts';
import { listTokensOfRoute } from './list-tokens-of.route.ts';
import { listUsersRoute } from './list-users.route.ts';
import { resetPasswordRoute } from './reset-password.route.ts';
import { revokeTokenRoute } from './revoke-token.route.ts';
import { revokeTokenOfRoute } from './revoke-token-of.route.ts';
import type { AuthRouteDeps } from './shared.ts';
import { signInRoute } from './sign-in.route.ts';
import { signOutRoute } from './sign-out.route.ts';

/** In the order they register. */
export const AUTH_ROUTES: ((app: App, deps: AuthRouteDeps) => void)[] = [
  signInRoute,
  signOutRoute,
  getMeRoute,
  listTokensRoute,
  createTokenRoute,
  revokeTokenRoute,
  listUsersRoute,
  getUserRoute,
  createUserRoute,
  changeUserRoute,
  resetPasswordRoute,
  listTokensOfRoute,
  revokeTokenOfRoute,
  listAuditLogRoute,
];
