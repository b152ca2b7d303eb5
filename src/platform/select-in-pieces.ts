// Reads by an id list of any length, in pieces under both dialects' parameter limits.
import { chunked } from './db.ts';

/** Ids per `IN (…)` list read in pieces: far under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const IN_LIST = 5_000;

/**
 * A read over an id list of any length: one query per piece of the list, the rows joined in order. Lists that
 * grow with the data (every overdue question of the country) would otherwise outgrow the parameter limit.
 */
export async function selectInPieces<T, R>(
  ids: readonly T[],
  read: (piece: T[]) => Promise<R[]>,
): Promise<R[]> {
  const out: R[] = [];
  // Each id once, so an id repeated across two pieces does not bring its rows twice.
  for (const piece of chunked([...new Set(ids)], IN_LIST)) out.push(...(await read(piece)));
  return out;
}
