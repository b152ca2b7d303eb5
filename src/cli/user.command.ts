// `publica user add|list|disable|enable|set-role|reset-password`: account management on the server's console,
// with the whole country in scope; every change lands in the audit log as done by "cli".
import type { Command } from 'commander';
import { createUsers, isRole, parseScopeText, ROLE_IDS } from '../auth/index.ts';
import { CONSOLE_ACTOR } from '../platform/audit-log.ts';
import { AppError } from '../platform/errors.ts';
import { translator } from '../platform/i18n.ts';
import { COUNTRY, scopeKey } from '../platform/scope.ts';
import { cliMessages } from './cli.messages.ts';
import type { CliContext } from './context.ts';
import { intOption, readStdin } from './options.ts';

const ROOT = { ...CONSOLE_ACTOR, scope: COUNTRY };
const ROLE_HELP = `one of ${ROLE_IDS.join(', ')}`;
const SCOPE_HELP = 'country | region:CODE | municipality:ID | institution:ID';

function role(value: string): string {
  if (!isRole(value)) throw new AppError('VALIDATION', `unknown role "${value}": ${ROLE_HELP}`);
  return value;
}

export function registerUser(program: Command, context: () => CliContext): void {
  const user = program.command('user').description('manage accounts / учётные записи');
  const users = async (ctx: CliContext) => createUsers(await ctx.db());

  user
    .command('add <login>')
    .description('create an account; prints a generated password unless --password-stdin')
    .requiredOption('--role <role>', ROLE_HELP)
    .requiredOption('--scope <scope>', SCOPE_HELP)
    .option('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (
        login: string,
        options: { role: string; scope: string; name?: string; passwordStdin?: boolean },
      ) => {
        const ctx = context();
        const t = translator(cliMessages, ctx.lang);
        const password = options.passwordStdin ? await readStdin() : undefined;
        const made = await (await users(ctx)).add(ROOT, {
          login,
          role: role(options.role),
          scope: parseScopeText(options.scope),
          ...(options.name ? { displayName: options.name } : {}),
          ...(password !== undefined ? { password } : {}),
        });
        ctx.out(
          t('user_added', { login: made.user.login, role: made.user.role, scope: scopeKey(made.user.scope) }),
        );
        if (made.password) ctx.out(t('user_password', { password: made.password }));
      },
    );

  user
    .command('list')
    .description('list accounts')
    .option('--json', 'machine-readable output')
    .option('--role <role>', 'only this role')
    .option('--page <n>', 'page', intOption('--page', 1, 100_000), 1)
    .action(async (options: { json?: boolean; role?: string; page: number }) => {
      const ctx = context();
      const result = await (await users(ctx)).list(ROOT, {
        page: options.page,
        size: 100,
        ...(options.role ? { role: role(options.role) } : {}),
      });
      if (options.json) {
        ctx.out(JSON.stringify(result));
        return;
      }
      for (const u of result.items)
        ctx.out(
          [
            u.login.padEnd(24),
            u.role.padEnd(20),
            scopeKey(u.scope).padEnd(24),
            u.disabled ? 'disabled' : u.locked ? 'locked' : 'active',
          ].join(' '),
        );
      ctx.out(`${result.items.length} / ${result.total}`);
    });

  const change = (
    name: string,
    description: string,
    input: (options: Record<string, string>, args: string[]) => object,
  ) =>
    user
      .command(name)
      .description(description)
      .action(async (...args: unknown[]) => {
        const ctx = context();
        const t = translator(cliMessages, ctx.lang);
        const command = args[args.length - 1] as Command;
        const positional = command.args;
        const service = await users(ctx);
        const target = await service.findByLogin(ROOT, positional[0] ?? '');
        const changed = await service.change(ROOT, target.id, input(command.opts(), positional));
        ctx.out(
          t('user_changed', {
            login: changed.login,
            change: `${changed.role} ${scopeKey(changed.scope)}${changed.disabled ? ' disabled' : ''}`,
          }),
        );
      });

  change('disable', 'disable an account and end its sessions', () => ({ disabled: true })).argument(
    '<login>',
  );
  change('enable', 'enable a disabled account', () => ({ disabled: false })).argument('<login>');
  change('set-role', 'change the role (and the scope, which must fit the role)', (options, args) => ({
    role: role(args[1] ?? ''),
    ...(options.scope ? { scope: parseScopeText(options.scope) } : {}),
  }))
    .argument('<login>')
    .argument('<role>', ROLE_HELP)
    .option('--scope <scope>', SCOPE_HELP);

  user
    .command('reset-password <login>')
    .description('set a new password (generated unless --password-stdin), unlock, end sessions')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (login: string, options: { passwordStdin?: boolean }) => {
      const ctx = context();
      const t = translator(cliMessages, ctx.lang);
      const service = await users(ctx);
      const target = await service.findByLogin(ROOT, login);
      const password = options.passwordStdin ? await readStdin() : undefined;
      const generated = await service.resetPassword(ROOT, target.id, password);
      ctx.out(t('user_changed', { login: target.login, change: 'password reset' }));
      if (generated) ctx.out(t('user_password', { password: generated }));
    });
}
