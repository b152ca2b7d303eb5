// `publica vk-token add|list|remove|disable|enable|rotate|new-key`: VK tokens stored sealed in the database
// (AES-256-GCM, the key in PUBLICA_SECRET_KEY). A token is read from standard input or an environment variable,
// never from the command line, where other users of the machine could read it in the process list.
import type { Command } from 'commander';
import { AppError } from '../platform/errors.ts';
import { translator } from '../platform/i18n.ts';
import { newSecretKeyText } from '../platform/secret-box.ts';
import { addVkToken, disableVkToken, listVkTokens, removeVkToken, rotateVkTokens } from '../vk/index.ts';
import { cliMessages } from './cli.messages.ts';
import type { CliContext } from './context.ts';
import { intOption, readStdin } from './options.ts';

type AddOptions = { kind: string; perSecond?: number; page?: number; fromEnv?: string };

const now = () => Math.floor(Date.now() / 1000);

export function registerVkToken(program: Command, context: () => CliContext): void {
  const tokens = program.command('vk-token').description('VK tokens stored sealed / токены ВК');

  tokens
    .command('add <label>')
    .description('store a VK token, read from standard input (or --from-env VAR), sealed')
    .requiredOption('--kind <kind>', 'user, service or community')
    .option('--per-second <n>', 'requests a second VK allows it', intOption('--per-second', 1, 1000))
    .option('--page <id>', 'the page a community token belongs to', intOption('--page', 1, 2 ** 31 - 1))
    .option('--from-env <var>', 'read the token from this environment variable instead of standard input')
    .action(async (label: string, options: AddOptions) => {
      const ctx = context();
      const token = options.fromEnv ? process.env[options.fromEnv] : await readStdin();
      if (!token)
        throw new AppError(
          'VALIDATION',
          options.fromEnv
            ? `${options.fromEnv}: the variable is empty or not set`
            : 'no token on standard input',
        );
      const stored = await addVkToken(
        await ctx.db(),
        ctx.config.secrets,
        {
          label,
          token: token.trim(),
          kind: options.kind,
          ...(options.perSecond ? { perSecond: options.perSecond } : {}),
          ...(options.page ? { pageId: options.page } : {}),
        },
        now(),
      );
      ctx.out(
        translator(cliMessages, ctx.lang)('vk_token_added', {
          label: stored.label,
          kind: stored.kind,
          keyId: stored.keyId,
        }),
      );
    });

  tokens
    .command('list')
    .description('stored tokens, without the tokens themselves')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const ctx = context();
      const list = await listVkTokens(await ctx.db());
      if (options.json) return ctx.out(JSON.stringify(list));
      if (list.length === 0) return ctx.out(translator(cliMessages, ctx.lang)('vk_token_none'));
      for (const t of list)
        ctx.out(
          [
            t.label.padEnd(20),
            t.kind.padEnd(9),
            `${t.perSecond ?? '-'}/s`.padEnd(7),
            `id ${t.tokenKey}`,
            `key ${t.keyId}`,
            t.pageId ? `page ${t.pageId}` : '',
            t.disabled ? 'disabled' : '',
          ]
            .filter(Boolean)
            .join('  '),
        );
    });

  tokens
    .command('remove <label>')
    .description('delete a stored token')
    .action(async (label: string) => {
      const ctx = context();
      await removeVkToken(await ctx.db(), label);
      ctx.out(translator(cliMessages, ctx.lang)('vk_token_changed', { label, change: 'removed' }));
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const)
    tokens
      .command(`${name} <label>`)
      .description(disabled ? 'keep a token but stop using it' : 'use a disabled token again')
      .action(async (label: string) => {
        const ctx = context();
        await disableVkToken(await ctx.db(), label, disabled, now());
        ctx.out(translator(cliMessages, ctx.lang)('vk_token_changed', { label, change: `${name}d` }));
      });

  tokens
    .command('rotate')
    .description('seal every token again under PUBLICA_SECRET_KEY (old keys in PUBLICA_SECRET_KEYS_OLD)')
    .action(async () => {
      const ctx = context();
      const result = await rotateVkTokens(await ctx.db(), ctx.config.secrets, now());
      ctx.out(
        translator(cliMessages, ctx.lang)('vk_token_rotated', {
          ...result,
          keyId: ctx.config.secrets?.current.id ?? '-',
        }),
      );
    });

  tokens
    .command('new-key')
    .description('print a new random key for PUBLICA_SECRET_KEY')
    .action(() => {
      const ctx = context();
      ctx.out(translator(cliMessages, ctx.lang)('vk_token_new_key'));
      ctx.out(newSecretKeyText());
    });
}
