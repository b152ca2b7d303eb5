// Environment parsed once at boot with zod; every problem is reported together, and defaults need nothing.
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';

const envSchema = z.object({
  PUBLICA_DB: z.string().min(1).optional(),
  PUBLICA_DATA_DIR: z.string().min(1).default('./data'),
  PUBLICA_LANG: z.enum(['ru', 'en']).default('ru'),
  PUBLICA_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Config = {
  db: string;
  dataDir: string;
  lang: 'ru' | 'en';
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
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
  ['PUBLICA_VK_URL', '-', 'publica collect: VK API base URL (https://api.vk.com for the real VK)'],
  ['PUBLICA_VK_TOKENS', '-', 'publica collect: comma-separated kind:token[:perSecond] specs'],
] as const;
