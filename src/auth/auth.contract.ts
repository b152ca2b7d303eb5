// The auth API as data: sign in and out, who am I, API tokens, users and the audit log, each route's method,
// path, access and zod shapes. The routes register from here; the web app's client is typed from it.
import { z } from 'zod';
import { route } from '../platform/http/contract.ts';
import { idParam, listOf, okBody, pagination } from '../platform/http/schemas.ts';
import {
  logEntrySchema,
  meSchema,
  permissionSchema,
  roleSchema,
  scopeSpecSchema,
  tokenSchema,
  userSchema,
} from './auth.schemas.ts';

export type Me = z.output<typeof meSchema>;

export const authContract = {
  login: route({
    method: 'POST',
    path: '/api/auth/login',
    access: 'public',
    body: z.object({ login: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
    response: meSchema,
  }),
  logout: route({ method: 'POST', path: '/api/auth/logout', access: 'authenticated', response: okBody }),
  me: route({ method: 'GET', path: '/api/auth/me', access: 'authenticated', response: meSchema }),
  listTokens: route({
    method: 'GET',
    path: '/api/tokens',
    access: 'tokens.manage',
    response: z.object({ items: z.array(tokenSchema) }),
  }),
  createToken: route({
    method: 'POST',
    path: '/api/tokens',
    access: 'tokens.manage',
    body: z.object({
      name: z.string().min(1).max(100),
      permissions: z.array(permissionSchema).min(1).optional(),
      expiresInDays: z.number().int().min(1).max(3650).optional(),
    }),
    response: z.object({ id: z.number().int(), token: z.string() }),
  }),
  revokeToken: route({
    method: 'DELETE',
    path: '/api/tokens/:id',
    access: 'tokens.manage',
    params: idParam,
    response: okBody,
  }),
  listUsers: route({
    method: 'GET',
    path: '/api/users',
    access: 'users.read',
    query: z.object({
      ...pagination,
      q: z.string().max(100).optional(),
      role: roleSchema.optional(),
    }),
    response: listOf(userSchema),
  }),
  getUser: route({
    method: 'GET',
    path: '/api/users/:id',
    access: 'users.read',
    params: idParam,
    response: userSchema,
  }),
  createUser: route({
    method: 'POST',
    path: '/api/users',
    access: 'users.manage',
    body: z.object({
      login: z.string().min(3).max(64),
      displayName: z.string().max(200).optional(),
      role: roleSchema,
      scope: scopeSpecSchema,
      password: z.string().max(256).optional(),
    }),
    response: z.object({ user: userSchema, password: z.string().nullable() }),
  }),
  changeUser: route({
    method: 'PATCH',
    path: '/api/users/:id',
    access: 'users.manage',
    params: idParam,
    body: z.object({
      role: roleSchema.optional(),
      scope: scopeSpecSchema.optional(),
      displayName: z.string().min(1).max(200).optional(),
      disabled: z.boolean().optional(),
    }),
    response: userSchema,
  }),
  resetPassword: route({
    method: 'POST',
    path: '/api/users/:id/password',
    access: 'users.manage',
    params: idParam,
    body: z.object({ password: z.string().max(256).optional() }),
    response: z.object({ password: z.string().nullable() }),
  }),
  listTokensOf: route({
    method: 'GET',
    path: '/api/users/:id/tokens',
    access: 'users.read',
    params: idParam,
    response: z.object({ items: z.array(tokenSchema) }),
  }),
  revokeTokenOf: route({
    method: 'DELETE',
    path: '/api/users/:id/tokens/:tokenId',
    access: 'users.manage',
    params: z.object({
      id: z.coerce.number().int().positive(),
      tokenId: z.coerce.number().int().positive(),
    }),
    response: okBody,
  }),
  auditLog: route({
    method: 'GET',
    path: '/api/audit-log',
    access: 'audit_log.read',
    query: z.object({
      ...pagination,
      action: z.string().max(64).optional(),
      userId: z.coerce.number().int().positive().optional(),
    }),
    response: listOf(logEntrySchema),
  }),
};
