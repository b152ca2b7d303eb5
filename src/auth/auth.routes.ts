// Thin HTTP adapters over sessions and account management: sign in/out, who am I, API tokens, users, audit log.
import type { Db } from '../platform/db.ts';
import type { Principal } from '../platform/http/principal.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import { type App, SESSION_COOKIE, sessionCookieOptions } from '../platform/http/server.ts';
import { listLogEntries } from './audit-log.repo.ts';
import { authContract } from './auth.contract.ts';
import type { Sessions } from './sessions.service.ts';
import type { createUsers, Manager } from './users.service.ts';

export type AuthRouteDeps = {
  db: Db;
  sessions: Sessions;
  users: ReturnType<typeof createUsers>;
  secureCookies: boolean;
};

const tags = ['auth'];
const c = authContract;

export function authRoutes(deps: AuthRouteDeps) {
  return (app: App) => {
    app.post(
      c.login.path,
      {
        config: { access: c.login.access },
        schema: {
          tags,
          summary: 'Sign in with login and password; sets the session cookie',
          body: c.login.body,
          response: { 200: c.login.response, ...errorResponses, 429: errorResponses[401] },
        },
      },
      async (request, reply) => {
        const agent = request.headers['user-agent'];
        const signed = await deps.sessions.signIn(
          request.body.login.trim().toLowerCase(),
          request.body.password,
          {
            ip: request.ip,
            userAgent: typeof agent === 'string' ? agent : null,
            ...(request.cookies[SESSION_COOKIE] ? { previousCookie: request.cookies[SESSION_COOKIE] } : {}),
          },
        );
        reply.setCookie(
          SESSION_COOKIE,
          signed.cookie,
          sessionCookieOptions(deps.secureCookies, signed.maxAge),
        );
        const principal = await deps.sessions.authenticator.fromSession(signed.cookie, {
          ip: request.ip,
          userAgent: null,
        });
        if (!principal) throw new Error('a session just created is not found');
        return me(principal);
      },
    );

    app.post(
      c.logout.path,
      {
        config: { access: c.logout.access },
        schema: {
          tags,
          summary: 'End this session',
          response: { 200: c.logout.response, ...errorResponses },
        },
      },
      async (request, reply) => {
        await deps.sessions.signOut(principalOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      c.me.path,
      {
        config: { access: c.me.access },
        schema: {
          tags,
          summary: 'The signed-in user, their scope and permissions',
          response: { 200: c.me.response, ...errorResponses },
        },
      },
      async (request) => me(principalOf(request)),
    );

    app.get(
      c.listTokens.path,
      {
        config: { access: c.listTokens.access },
        schema: {
          tags,
          summary: 'Your API tokens',
          response: { 200: c.listTokens.response, ...errorResponses },
        },
      },
      async (request) => ({
        items: (await deps.sessions.listTokens(principalOf(request))).map(tokenView),
      }),
    );

    app.post(
      c.createToken.path,
      {
        config: { access: c.createToken.access },
        schema: {
          tags,
          summary: 'Create an API token (shown once) with some of your permissions',
          body: c.createToken.body,
          response: { 200: c.createToken.response, ...errorResponses },
        },
      },
      async (request) => deps.sessions.createToken(principalOf(request), request.body),
    );

    app.delete(
      c.revokeToken.path,
      {
        config: { access: c.revokeToken.access },
        schema: {
          tags,
          summary: 'Revoke one of your API tokens',
          params: c.revokeToken.params,
          response: { 200: c.revokeToken.response, ...errorResponses },
        },
      },
      async (request) => {
        await deps.sessions.revokeToken(principalOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      c.listUsers.path,
      {
        config: { access: c.listUsers.access },
        schema: {
          tags,
          summary: 'Users in your scope',
          querystring: c.listUsers.query,
          response: { 200: c.listUsers.response, ...errorResponses },
        },
      },
      async (request) => {
        const { page, size } = request.query;
        const result = await deps.users.list(manager(request.principal, request.ip), request.query);
        return { ...result, page, size };
      },
    );

    app.get(
      c.getUser.path,
      {
        config: { access: c.getUser.access },
        schema: {
          tags,
          summary: 'One user in your scope',
          params: c.getUser.params,
          response: { 200: c.getUser.response, ...errorResponses },
        },
      },
      async (request) => deps.users.get(manager(request.principal, request.ip), request.params.id),
    );

    app.post(
      c.createUser.path,
      {
        config: { access: c.createUser.access },
        schema: {
          tags,
          summary: 'Create a user in your scope; without a password one is generated and returned once',
          body: c.createUser.body,
          response: {
            200: c.createUser.response,
            ...errorResponses,
            409: errorResponses[400],
          },
        },
      },
      async (request) => deps.users.add(manager(request.principal, request.ip), request.body),
    );

    app.patch(
      c.changeUser.path,
      {
        config: { access: c.changeUser.access },
        schema: {
          tags,
          summary: 'Change a user’s role, scope, name, or disable them',
          params: c.changeUser.params,
          body: c.changeUser.body,
          response: { 200: c.changeUser.response, ...errorResponses },
        },
      },
      async (request) =>
        deps.users.change(manager(request.principal, request.ip), request.params.id, request.body),
    );

    app.post(
      c.resetPassword.path,
      {
        config: { access: c.resetPassword.access },
        schema: {
          tags,
          summary: 'Reset a user’s password (ends their sessions); without one a password is generated',
          params: c.resetPassword.params,
          body: c.resetPassword.body,
          response: { 200: c.resetPassword.response, ...errorResponses },
        },
      },
      async (request) => ({
        password: await deps.users.resetPassword(
          manager(request.principal, request.ip),
          request.params.id,
          request.body.password,
        ),
      }),
    );

    app.get(
      c.listTokensOf.path,
      {
        config: { access: c.listTokensOf.access },
        schema: {
          tags,
          summary: 'API tokens of a user in your scope (never their secrets)',
          params: c.listTokensOf.params,
          response: { 200: c.listTokensOf.response, ...errorResponses },
        },
      },
      async (request) => ({
        items: (await deps.users.listTokensOf(manager(request.principal, request.ip), request.params.id)).map(
          tokenView,
        ),
      }),
    );

    app.delete(
      c.revokeTokenOf.path,
      {
        config: { access: c.revokeTokenOf.access },
        schema: {
          tags,
          summary: 'Revoke an API token of a user in your scope (an admin’s only from a higher level)',
          params: c.revokeTokenOf.params,
          response: { 200: c.revokeTokenOf.response, ...errorResponses },
        },
      },
      async (request) => {
        await deps.users.revokeTokenOf(
          manager(request.principal, request.ip),
          request.params.id,
          request.params.tokenId,
        );
        return { ok: true as const };
      },
    );

    app.get(
      c.auditLog.path,
      {
        config: { access: c.auditLog.access },
        schema: {
          tags,
          summary: 'Who did what, in your scope, newest first',
          querystring: c.auditLog.query,
          response: { 200: c.auditLog.response, ...errorResponses },
        },
      },
      async (request) => {
        const { items, total } = await listLogEntries(deps.db, principalOf(request).scope, request.query);
        return {
          items: items.map((e) => ({
            id: e.id,
            at: e.at,
            actor: e.actor,
            userId: e.user_id,
            action: e.action,
            targetType: e.target_type,
            targetId: e.target_id,
            regionCode: e.region_code,
            municipalityId: e.municipality_id,
            institutionId: e.institution_id,
            details: e.details_json ? JSON.parse(e.details_json) : null,
            ip: e.ip,
          })),
          total,
          page: request.query.page,
          size: request.query.size,
        };
      },
    );
  };
}

type TokenRow = Awaited<ReturnType<Sessions['listTokens']>>[number];

function tokenView(t: TokenRow) {
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

function me(principal: Principal) {
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

function manager(principal: Principal | null, ip: string): Manager {
  if (!principal) throw new Error('a users route ran without a principal');
  return { userId: principal.userId, login: principal.login, ip, scope: principal.scope };
}
