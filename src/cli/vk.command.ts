// `publica vk check`: each configured (stored, enabled) VK token makes each read method once, read-only, against
// PUBLICA_VK_URL (VK itself by default); a table of what works, VK's error where not, and what each token's kind
// lets Publica do. Exits 1 when some call failed, so a first day's script stops there.
import type { Command } from 'commander';
import { AppError } from '../platform/errors.ts';
import { listPagesWithCommunity } from '../registry/index.ts';
import { checkVkTokens, openStoredTokens, VK_API_URL } from '../vk/index.ts';
import type { CliContext } from './context.ts';
import { intOption } from './options.ts';

type CheckOptions = { vk?: string; community?: number; json?: boolean };

export function registerVk(program: Command, context: () => CliContext): void {
  const vk = program.command('vk').description('the VK API as Publica uses it / API ВКонтакте');
  vk.command('check')
    .description('call each read method once with each stored VK token (read-only) and show what works')
    .option('--vk <url>', 'VK API base URL (default PUBLICA_VK_URL, else https://api.vk.ru)')
    .option(
      '--community <id>',
      "the community to read (default: a token's page, else the first registered page)",
      intOption('--community', 1, 2 ** 31 - 1),
    )
    .option('--json', 'machine-readable output')
    .action(async (options: CheckOptions) => {
      const ctx = context();
      const db = await ctx.db();
      const stored = await openStoredTokens(db, ctx.config.secrets);
      if (stored.length === 0)
        throw new AppError(
          'NOT_FOUND',
          'no VK tokens stored: add one with publica vk-token add LABEL --kind …',
        );
      const pages = await listPagesWithCommunity(db);
      const communityOf = new Map(pages.map((p) => [p.id, p.externalId]));
      const community = options.community ?? pages[0]?.externalId ?? 1;
      const baseUrl = options.vk ?? process.env.PUBLICA_VK_URL ?? VK_API_URL;
      const result = await checkVkTokens(
        baseUrl,
        stored.map((t) => ({
          ...t,
          communityId:
            options.community ?? (t.pageId !== null ? communityOf.get(t.pageId) : undefined) ?? null,
        })),
        community,
      );
      const failed = result.rows.filter((r) => r.result === 'vk-error' || r.result === 'failed');
      if (options.json) ctx.out(JSON.stringify({ baseUrl, ...result }));
      else {
        ctx.out(`VK API: ${baseUrl}`);
        for (const r of result.rows)
          ctx.out(
            [
              r.label.padEnd(16),
              r.kind.padEnd(9),
              r.method.padEnd(24),
              (r.code !== undefined ? `error ${r.code}` : r.result).padEnd(12),
              r.detail,
            ].join('  '),
          );
        for (const t of result.tokens)
          ctx.out(
            `${t.label} (${t.kind}${t.scopes ? `; scopes ${t.scopes.join(',')}` : ''}): ${
              t.features.length ? t.features.join(', ') : 'no Publica feature'
            }`,
          );
        ctx.out(failed.length ? `${failed.length} call(s) failed` : 'every allowed call answered');
      }
      if (failed.length) process.exitCode = 1;
    });
}
