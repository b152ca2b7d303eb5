// What every command gets: the parsed config, the language, and a database opened (and migrated) on demand.
import cliProgress from 'cli-progress';
import { type Config, loadConfig } from '../platform/config.ts';
import { type Db, openDb } from '../platform/db.ts';
import type { Lang } from '../platform/i18n.ts';
import { migrateToLatest } from '../platform/migrate.ts';
import { loadPublishedVersions } from '../workshop/index.ts';

export type GlobalOptions = { db?: string; lang?: Lang };

export type CliContext = {
  config: Config;
  lang: Lang;
  /** Opens the database and applies pending migrations; the same handle for the whole command. */
  db(): Promise<Db>;
  out(text: string): void;
  err(text: string): void;
  progress(label: string): Progress;
  close(): Promise<void>;
};

export type Progress = { update(done: number, total: number, note?: string): void; stop(): void };

export function createContext(options: GlobalOptions): CliContext {
  const config = loadConfig(process.env, { db: options.db });
  let opened: Promise<Db> | undefined;
  return {
    config,
    lang: options.lang ?? config.lang,
    db() {
      opened ??= (async () => {
        const db = openDb(config.db);
        await migrateToLatest(db);
        // Versions a methodologist published read like shipped ones in every command.
        await loadPublishedVersions(db);
        return db;
      })();
      return opened;
    },
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    progress: (label) => progressBar(label),
    async close() {
      if (opened) await (await opened).close();
    },
  };
}

/** A progress bar on stderr when it is a terminal; silent otherwise so logs and pipes stay clean. */
function progressBar(label: string): Progress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% {value}/{total} ETA {eta_formatted} {note}`,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, note = '') {
      if (!started) {
        bar.start(total, done, { note });
        started = true;
      } else bar.update(done, { note });
    },
    stop: () => started && bar.stop(),
  };
}
