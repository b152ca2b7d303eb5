// Composition root of the `publica` command: global options, the commands, and one error policy
// (a one-line message on stderr and a non-zero exit code from the error's code).
import { Command, Option } from 'commander';
import {
  type CliContext,
  cliMessages,
  createContext,
  type GlobalOptions,
  type RoleBuilders,
  registerAudit,
  registerCalendar,
  registerCollect,
  registerDb,
  registerImport,
  registerJobs,
  registerMethodology,
  registerReport,
  registerServe,
  registerStart,
  registerStatus,
  registerUser,
  registerVk,
  registerVkSim,
  registerVkToken,
  registerWorld,
} from '../cli/index.ts';
import { configTable } from '../platform/config.ts';
import { exitCodeOf, isAppError } from '../platform/errors.ts';
import { type Lang, translator } from '../platform/i18n.ts';
import {
  formatFileProblem,
  formatProblems,
  formatRejection,
  isFileProblem,
  isImportReport,
} from '../registry/index.ts';
import { openQueueForSending, startBackground } from './background.ts';
import { buildWebApp } from './web.ts';

const roles: RoleBuilders = {
  web: (db, config, metrics) => buildWebApp(db, config, metrics ? { metrics } : {}),
  background: startBackground,
  queue: openQueueForSending,
};

export function buildProgram(): { program: Command; context: () => CliContext } {
  const program = new Command('publica');
  let ctx: CliContext | undefined;
  const context = () => {
    ctx ??= createContext(program.opts<GlobalOptions>());
    return ctx;
  };
  program
    .description('Publica: official pages of schools and kindergartens on VK — registry, collection, audit')
    .option('--db <url>', 'database: SQLite file, sqlite:PATH or postgres://… (env PUBLICA_DB)')
    .addOption(new Option('--lang <lang>', 'language of messages (env PUBLICA_LANG)').choices(['ru', 'en']))
    // An option after a subcommand belongs to it: `audit page 5 --json` is the page's --json, not audit's.
    .enablePositionalOptions()
    .showHelpAfterError()
    .addHelpText(
      'after',
      `\nConfiguration (env):\n${configTable.map(([name, def, what]) => `  ${name.padEnd(32)} ${def.padEnd(14)} ${what}`).join('\n')}`,
    );
  registerStart(program, context, roles);
  registerServe(program, context, roles);
  registerUser(program, context);
  registerVkToken(program, context);
  registerVk(program, context);
  registerStatus(program, context);
  registerImport(program, context);
  registerWorld(program, context);
  registerAudit(program, context);
  registerMethodology(program, context);
  registerVkSim(program, context);
  registerCollect(program, context);
  registerDb(program, context);
  registerJobs(program, context, roles);
  registerReport(program, context);
  registerCalendar(program, context);
  return { program, context: () => ctx ?? context() };
}

export async function main(argv: string[]): Promise<void> {
  // A closed pipe (`publica status | head`) ends the output, not the program with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const { program, context } = buildProgram();
  let lang: Lang = process.env.PUBLICA_LANG === 'en' ? 'en' : 'ru';
  try {
    await program.parseAsync(argv);
    lang = context().lang;
  } catch (error) {
    const chosen = program.opts<GlobalOptions>().lang;
    if (chosen) lang = chosen;
    reportError(error, lang);
    process.exitCode = exitCodeOf(error);
  } finally {
    await closeQuietly(context);
  }
}

function reportError(error: unknown, lang: Lang): void {
  const t = translator(cliMessages, lang);
  if (isAppError(error) && isImportReport(error.details)) {
    for (const line of formatProblems(error.details, lang)) process.stderr.write(`${line}\n`);
    process.stderr.write(`${t('error', { message: formatRejection(error.details, lang) })}\n`);
    return;
  }
  if (isAppError(error) && isFileProblem(error.details)) {
    process.stderr.write(`${t('error', { message: formatFileProblem(error.details, lang) })}\n`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${t('error', { message: message.split('\n')[0] ?? message })}\n`);
  if (!isAppError(error) && process.env.PUBLICA_LOG_LEVEL === 'debug') console.error(error);
}

async function closeQuietly(context: () => CliContext): Promise<void> {
  try {
    await context().close();
  } catch {
    // closing after a failed open has nothing left to release
  }
}
