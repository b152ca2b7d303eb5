// Thin HTTP adapters over sessions and account management: sign in/out, who am I, API tokens, users, audit log.
// One file per operation under routes/; this registers them all.
import type { App } from '../platform/http/server.ts';
import { AUTH_ROUTES } from './routes/index.ts';
import type { AuthRouteDeps } from './routes/shared.ts';

export type { AuthRouteDeps } from './routes/shared.ts';

export function authRoutes(deps: AuthRouteDeps) {
  return (app: App) => {
    for (const route of AUTH_ROUTES) route(app, deps);
  };
}
