// Who is calling: resolved once per request by the auth hook, read by routes and handed to services.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Scope } from '../scope.ts';

export type Principal = {
  userId: number;
  login: string;
  role: string;
  scope: Scope;
  permissions: ReadonlySet<string>;
  via: 'session' | 'token';
  /** The session's CSRF token; null for API tokens, which are not sent by browsers on their own. */
  csrfToken: string | null;
  /** sha256 of the session cookie or the id of the API token, to end exactly this credential. */
  credential: string;
};

/** How the server turns credentials into a principal; implemented by the auth feature, wired in main. */
export type Authenticator = {
  /** `authVersion`, when given, lets the authenticator reuse what it resolved while nothing changed. */
  fromSession(
    cookieValue: string,
    request: { ip: string; userAgent: string | null },
    authVersion?: number,
  ): Promise<Principal | null>;
  fromToken(bearer: string, authVersion?: number): Promise<Principal | null>;
};

/**
 * What a route requires: `public` (no login), `authenticated` (any login), or a permission of the caller's role.
 * Every /api route must say it, or the server refuses to start.
 */
export type Access = 'public' | 'authenticated' | (string & {});

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** The caller of a route that is not public; the hook has already refused anonymous calls. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return request.principal;
}
