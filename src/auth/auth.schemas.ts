// Zod shapes of the auth API: scopes, users, tokens, log entries.
import { z } from 'zod';
import { SCOPE_LEVELS } from '../platform/scope.ts';
import { PERMISSIONS, ROLE_IDS } from './roles.ts';

export const scopeSchema = z.object({
  level: z.enum(SCOPE_LEVELS),
  regionCode: z.string().optional(),
  municipalityId: z.number().int().nullable().optional(),
  institutionId: z.number().int().optional(),
});

export const scopeSpecSchema = z.object({
  level: z.enum(SCOPE_LEVELS),
  regionCode: z.string().min(1).max(8).optional(),
  municipalityId: z.number().int().positive().optional(),
  institutionId: z.number().int().positive().optional(),
});

export const roleSchema = z.enum(ROLE_IDS as [string, ...string[]]);
export const permissionSchema = z.enum(PERMISSIONS);

export const userSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  displayName: z.string(),
  role: z.string(),
  scope: scopeSchema,
  disabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.number().int().nullable(),
  createdAt: z.number().int(),
});

export const meSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  role: z.string(),
  scope: scopeSchema,
  permissions: z.array(z.string()),
  via: z.enum(['session', 'token']),
  csrfToken: z.string().nullable(),
});

export const tokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  permissions: z.array(z.string()),
  createdAt: z.number().int(),
  expiresAt: z.number().int().nullable(),
  lastUsedAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
});

export const logEntrySchema = z.object({
  id: z.number().int(),
  at: z.number().int(),
  actor: z.string(),
  userId: z.number().int().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  regionCode: z.string().nullable(),
  municipalityId: z.number().int().nullable(),
  institutionId: z.number().int().nullable(),
  details: z.unknown(),
  ip: z.string().nullable(),
});
