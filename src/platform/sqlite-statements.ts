import type SQLite from 'better-sqlite3';

const KEPT_STATEMENTS = 500;

/**
 * better-sqlite3 as Kysely sees it, with prepared statements kept by their SQL: Kysely prepares every query
 * anew, and an audit batch's reads (IN lists of 500 ids) cost about 6 ms each to prepare on this machine. A
 * statement still being iterated (a stream) is not handed out again: that query gets a new one. Oldest kept
 * out first past KEPT_STATEMENTS.
 */
export function keptStatements(database: SQLite.Database) {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sqlText: string): SQLite.Statement {
      const statement = kept.get(sqlText);
      if (statement && !statement.busy) return statement;
      const fresh = database.prepare(sqlText);
      if (!statement) {
        kept.set(sqlText, fresh);
        if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
      }
      return fresh;
    },
  };
}
