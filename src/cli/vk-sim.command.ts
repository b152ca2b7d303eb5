// `publica vk-sim --world DIR --port P`: serves the simulated VK API over a demo world on loopback.
import fs from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../platform/errors.ts';
import type { PoolTokenSpec } from '../vk/index.ts';
import { buildVkSim, type Faults, readWorld, type TokenKind, type TokenSpec } from '../vk-sim/index.ts';
import type { CliContext } from './context.ts';
import { intOption } from './options.ts';

type Options = {
  world: string;
  port: number;
  host: string;
  token: string[];
  tokens?: string;
  faults?: string;
};

/** `kind:token[:perSecond[:groupId]]`, e.g. `user:abc:3` or `community:def:20:200000001`. */
export function parseTokenSpec(text: string): TokenSpec {
  const [kind, token, perSecond, groupId] = text.split(':');
  if (!['user', 'community', 'service'].includes(kind ?? '') || !token)
    throw new AppError(
      'VALIDATION',
      `--token: expected kind:token[:perSecond[:groupId]] with kind user|community|service, got "${text}"`,
    );
  return {
    kind: kind as TokenKind,
    token,
    ...(perSecond ? { perSecond: Number(perSecond) } : {}),
    ...(groupId ? { groupId: Number(groupId) } : {}),
  };
}

/** Reading-token specs for Publica's own collection, from --token options and PUBLICA_VK_TOKENS. */
export function parseTokenSpecs(texts: string[]): PoolTokenSpec[] {
  return texts
    .map((t) => t.trim())
    .filter(Boolean)
    .map((text) => {
      const { token, kind, perSecond } = parseTokenSpec(text);
      return { token, kind, ...(perSecond ? { perSecond } : {}) };
    });
}

export function registerVkSim(program: Command, context: () => CliContext): void {
  program
    .command('vk-sim')
    .description('serve the simulated VK API over a demo world / симулятор API ВКонтакте')
    .requiredOption('--world <dir>', 'a world written by `publica world generate`')
    .option('--port <p>', 'port on loopback', intOption('--port', 0, 65535), 8780)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--token <spec>',
      'kind:token[:perSecond[:groupId]] (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--tokens <file>', 'a JSON file with a list of token specs')
    .option('--faults <json>', 'faults to inject, e.g. {"http5xx":0.05,"errors":{"6":0.1}}')
    .action(async (options: Options) => {
      const ctx = context();
      const tokens = [
        ...options.token.map(parseTokenSpec),
        ...(options.tokens ? (JSON.parse(fs.readFileSync(options.tokens, 'utf8')) as TokenSpec[]) : []),
      ];
      if (tokens.length === 0)
        tokens.push({ kind: 'user', token: 'sim-user' }, { kind: 'service', token: 'sim-service' });
      let faults: Faults | undefined;
      try {
        faults = options.faults ? (JSON.parse(options.faults) as Faults) : undefined;
      } catch (error) {
        throw new AppError('VALIDATION', `--faults: not JSON: ${(error as Error).message}`);
      }
      const sim = await buildVkSim({ world: readWorld(options.world), tokens, faults });
      const address = await sim.app.listen({ port: options.port, host: options.host });
      ctx.err(
        `vk-sim: ${address}/method/<name> — tokens: ${tokens.map((t) => `${t.kind}:${t.token}`).join(', ')}`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => sim.app.close().then(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
