// Thin HTTP adapters over sessions and account management: sign in/out, who am I, API tokens, users, audit log.
import { z } from 'zod';
import type { Db } from '../platform/db.ts';
import type { Principal } from '../platform/http/principal.ts';
import { principalOf } from '../platform/http/principal.ts';
import { errorResponses, idParam, listOf, okBody, pagination } from '../platform/http/schemas.ts';
import { type App, SESSION_COOKIE, sessionCookieOptions } from '../platform/http/server.ts';
import { listLogEntries } from './audit-log.repo.ts';
import {
  logEntrySchema,
  meSchema,
  permissionSchema,
  roleSchema,
  scopeSpecSchema,
  tokenSchema,
  userSchema,
} from './auth.schemas.ts';
import type { Sessions } from './sessions.service.ts';
import type { createUsers, Manager } from './users.service.ts';

export type AuthRouteDeps = {
  db: Db;
  sessions: Sessions;
  users: ReturnType<typeof createUsers>;
  secureCookies: boolean;
};

const tags = ['auth'];

export function authRoutes(deps: AuthRouteDeps) {
  return (app: App) => {
    app.post(
      '/api/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Sign in with login and password; sets the session cookie',
          body: z.object({ login: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
          response: { 200: meSchema, ...errorResponses, 429: errorResponses[401] },
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
      '/api/auth/logout',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'End this session', response: { 200: okBody, ...errorResponses } },
      },
      async (request, reply) => {
        await deps.sessions.signOut(principalOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'The signed-in user, their scope and permissions',
          response: { 200: meSchema, ...errorResponses },
        },
      },
      async (request) => me(principalOf(request)),
    );

    app.get(
      '/api/tokens',
      {
        config: { access: 'tokens.manage' },
        schema: {
          tags,
          summary: 'Your API tokens',
          response: { 200: z.object({ items: z.array(tokenSchema) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await deps.sessions.listTokens(principalOf(request))).map(tokenView),
      }),
    );

    app.post(
      '/api/tokens',
      {
        config: { access: 'tokens.manage' },
        schema: {
          tags,
          summary: 'Create an API token (shown once) with some of your permissions',
          body: z.object({
            name: z.string().min(1).max(100),
            permissions: z.array(permissionSchema).min(1).optional(),
            expiresInDays: z.number().int().min(1).max(3650).optional(),
          }),
          response: { 200: z.object({ id: z.number().int(), token: z.string() }), ...errorResponses },
        },
      },
      async (request) => deps.sessions.createToken(principalOf(request), request.body),
    );

    app.delete(
      '/api/tokens/:id',
      {
        config: { access: 'tokens.manage' },
        schema: {
          tags,
          summary: 'Revoke one of your API tokens',
          params: idParam,
          response: { 200: okBody, ...errorResponses },
        },
      },
      async (request) => {
        await deps.sessions.revokeToken(principalOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/users',
      {
        config: { access: 'users.read' },
        schema: {
          tags,
          summary: 'Users in your scope',
          querystring: z.object({
            ...pagination,
            q: z.string().max(100).optional(),
            role: roleSchema.optional(),
          }),
          response: { 200: listOf(userSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { page, size } = request.query;
        const result = await deps.users.list(manager(request.principal, request.ip), request.query);
        return { ...result, page, size };
      },
    );

    app.get(
      '/api/users/:id',
      {
        config: { access: 'users.read' },
        schema: {
          tags,
          summary: 'One user in your scope',
          params: idParam,
          response: { 200: userSchema, ...errorResponses },
        },
      },
      async (request) => deps.users.get(manager(request.principal, request.ip), request.params.id),
    );

    app.post(
      '/api/users',
      {
        config: { access: 'users.manage' },
        schema: {
          tags,
          summary: 'Create a user in your scope; without a password one is generated and returned once',
          body: z.object({
            login: z.string().min(3).max(64),
            displayName: z.string().max(200).optional(),
            role: roleSchema,
            scope: scopeSpecSchema,
            password: z.string().max(256).optional(),
          }),
          response: {
            200: z.object({ user: userSchema, password: z.string().nullable() }),
            ...errorResponses,
            409: errorResponses[400],
          },
        },
      },
      async (request) => deps.users.add(manager(request.principal, request.ip), request.body),
    );

    app.patch(
      '/api/users/:id',
      {
        config: { access: 'users.manage' },
        schema: {
          tags,
          summary: 'Change a user’s role, scope, name, or disable them',
          params: idParam,
          body: z.object({
            role: roleSchema.optional(),
            scope: scopeSpecSchema.optional(),
            displayName: z.string().min(1).max(200).optional(),
            disabled: z.boolean().optional(),
          }),
          response: { 200: userSchema, ...errorResponses },
        },
      },
      async (request) =>
        deps.users.change(manager(request.principal, request.ip), request.params.id, request.body),
    );

    app.post(
      '/api/users/:id/password',
      {
        config: { access: 'users.manage' },
        schema: {
          tags,
          summary: 'Reset a user’s password (ends their sessions); without one a password is generated',
          params: idParam,
          body: z.object({ password: z.string().max(256).optional() }),
          response: { 200: z.object({ password: z.string().nullable() }), ...errorResponses },
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
      '/api/users/:id/tokens',
      {
        config: { access: 'users.read' },
        schema: {
          tags,
          summary: 'API tokens of a user in your scope (never their secrets)',
          params: idParam,
          response: { 200: z.object({ items: z.array(tokenSchema) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await deps.users.listTokensOf(manager(request.principal, request.ip), request.params.id)).map(
          tokenView,
        ),
      }),
    );

    app.delete(
      '/api/users/:id/tokens/:tokenId',
      {
        config: { access: 'users.manage' },
        schema: {
          tags,
          summary: 'Revoke an API token of a user in your scope (an admin’s only from a higher level)',
          params: z.object({
            id: z.coerce.number().int().positive(),
            tokenId: z.coerce.number().int().positive(),
          }),
          response: { 200: okBody, ...errorResponses },
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
      '/api/audit-log',
      {
        config: { access: 'audit_log.read' },
        schema: {
          tags,
          summary: 'Who did what, in your scope, newest first',
          querystring: z.object({
            ...pagination,
            action: z.string().max(64).optional(),
            userId: z.coerce.number().int().positive().optional(),
          }),
          response: { 200: listOf(logEntrySchema), ...errorResponses },
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
