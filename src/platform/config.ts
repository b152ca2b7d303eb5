// Environment parsed once at boot with zod; every problem is reported together, and defaults need nothing.
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';

const envSchema = z.object({
  PUBLICA_DB: z.string().min(1).optional(),
  PUBLICA_DATA_DIR: z.string().min(1).default('./data'),
  PUBLICA_LANG: z.enum(['ru', 'en']).default('ru'),
  PUBLICA_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PUBLICA_HOST: z.string().min(1).default('127.0.0.1'),
  PUBLICA_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  PUBLICA_BEHIND_PROXY: z.enum(['0', '1']).default('0'),
  PUBLICA_SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  PUBLICA_API_CACHE: z.enum(['0', '1']).default('1'),
  PUBLICA_OIDC_ISSUER: z.url().optional(),
  PUBLICA_OIDC_CLIENT_ID: z.string().min(1).optional(),
  PUBLICA_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  PUBLICA_OIDC_REDIRECT_URL: z.url().optional(),
});

export type Config = {
  db: string;
  dataDir: string;
  lang: 'ru' | 'en';
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  http: { host: string; port: number; behindProxy: boolean; sessionIdleHours: number; cache: boolean };
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined; redirectUrl: string } | null;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { db?: string } = {}): Config {
  // An empty variable means "not set", as shells and compose files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('CONFIG', `Invalid environment: ${problems.join('; ')}`, problems);
  }
  const values = parsed.data;
  const dataDir = values.PUBLICA_DATA_DIR;
  return {
    db: overrides.db ?? values.PUBLICA_DB ?? path.join(dataDir, 'publica.db'),
    dataDir,
    lang: values.PUBLICA_LANG,
    logLevel: values.PUBLICA_LOG_LEVEL,
    http: {
      host: values.PUBLICA_HOST,
      port: values.PUBLICA_PORT,
      behindProxy: values.PUBLICA_BEHIND_PROXY === '1',
      sessionIdleHours: values.PUBLICA_SESSION_IDLE_HOURS,
      cache: values.PUBLICA_API_CACHE === '1',
    },
    oidc:
      values.PUBLICA_OIDC_ISSUER && values.PUBLICA_OIDC_CLIENT_ID && values.PUBLICA_OIDC_REDIRECT_URL
        ? {
            issuer: values.PUBLICA_OIDC_ISSUER,
            clientId: values.PUBLICA_OIDC_CLIENT_ID,
            clientSecret: values.PUBLICA_OIDC_CLIENT_SECRET,
            redirectUrl: values.PUBLICA_OIDC_REDIRECT_URL,
          }
        : null,
  };
}

/** The documented configuration table, printed by the README and `publica --help`. */
export const configTable = [
  [
    'PUBLICA_DB',
    './data/publica.db',
    'SQLite file path, sqlite:PATH URL, or postgres://user:pass@host:port/db',
  ],
  ['PUBLICA_DATA_DIR', './data', 'where the embedded database, worlds and exports live'],
  ['PUBLICA_LANG', 'ru', 'language of messages the user sees: ru or en'],
  ['PUBLICA_LOG_LEVEL', 'info', 'debug, info, warn, error or silent'],
  ['PUBLICA_HOST', '127.0.0.1', 'publica serve / start: address the HTTP server listens on'],
  ['PUBLICA_PORT', '8080', 'publica serve / start: port of the HTTP server (0 = any free port)'],
  [
    'PUBLICA_BEHIND_PROXY',
    '0',
    '1 behind a TLS-terminating proxy: trust X-Forwarded-*, Secure cookies, HSTS',
  ],
  [
    'PUBLICA_SESSION_IDLE_HOURS',
    '12',
    'a session ends after this many hours without a request (7 days at most)',
  ],
  ['PUBLICA_API_CACHE', '1', '0 turns off the per-process cache of roll-ups, lists and reports'],
  ['PUBLICA_OIDC_ISSUER', '-', 'OIDC sign-in (optional): the identity provider’s issuer URL'],
  ['PUBLICA_OIDC_CLIENT_ID', '-', 'OIDC sign-in: client id registered with the provider'],
  ['PUBLICA_OIDC_CLIENT_SECRET', '-', 'OIDC sign-in: client secret (omit for a public client with PKCE)'],
  ['PUBLICA_OIDC_REDIRECT_URL', '-', 'OIDC sign-in: https://<host>/api/auth/oidc/callback'],
  ['PUBLICA_VK_URL', '-', 'publica collect: VK API base URL (https://api.vk.com for the real VK)'],
  ['PUBLICA_VK_TOKENS', '-', 'publica collect: comma-separated kind:token[:perSecond] specs'],
] as const;
