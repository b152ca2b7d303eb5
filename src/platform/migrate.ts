// Applies the one set of migrations to either dialect; safe to call on every start.
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { migrations } from '../../migrations/index.ts';
import type { Db } from './db.ts';
import { AppError } from './errors.ts';

const provider: MigrationProvider = {
  getMigrations: async () => migrations as Record<string, Migration>,
};

export type MigrateResult = { applied: string[] };

export async function migrateToLatest(db: Db): Promise<MigrateResult> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error && !results?.length) {
    throw new AppError(
      'DB_UNAVAILABLE',
      `Cannot reach the database ${db.label}: ${(error as Error).message}`,
    );
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError(
      'DB_UNAVAILABLE',
      `Migration ${failed} failed on ${db.label}: ${(error as Error).message}`,
    );
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
