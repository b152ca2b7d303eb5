// Seeds the 89 subjects of the federation; the registry refers to them by two-digit code.
import { regionSeeds } from '../src/registry/regions.data.ts';
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db
    .insertInto('regions')
    .values([...regionSeeds])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.deleteFrom('regions').execute();
}
