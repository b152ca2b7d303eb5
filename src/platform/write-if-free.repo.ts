// A write on a request's path that must not stop a SQLite process while another process writes.
import type { Compilable } from 'kysely';
import type { Db } from './db.ts';

/** The busy timeout openDb gives every SQLite connection, restored after the write. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * A small write that may be put off (a credential's "last seen"): done now if the write lock is free, else not
 * at all, and the caller tries again later. better-sqlite3 is synchronous, so a SQLite write that waits for the
 * lock a worker's transaction holds stops the whole process — every request of a web process — for as long as
 * that transaction lasts (up to the busy timeout); this one never waits. Runs only outside a transaction of
 * this connection (then it is put off too). PostgreSQL waits without blocking the process: always done.
 */
export async function writeIfFree(db: Db, query: Compilable): Promise<boolean> {
  const database = db.sqlite;
  if (!database) {
    await db.kysely.executeQuery(query.compile());
    return true;
  }
  if (db.bumps || database.inTransaction) return false;
  const { sql: text, parameters } = query.compile();
  database.pragma('busy_timeout = 0');
  try {
    database.prepare(text).run(...(parameters as unknown[]));
    return true;
  } catch (error) {
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return false;
    throw error;
  } finally {
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}
