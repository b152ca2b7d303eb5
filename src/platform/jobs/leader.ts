// Which scheduler process leads: on PostgreSQL the holder of a session advisory lock on its own connection (the
// server frees it the moment that process dies); on SQLite the embedded process is the only one.
import type pg from 'pg';
import type { Db } from '../db.ts';

export interface Leadership {
  /** True while this process leads; tries to take the lead when free. */
  check(): Promise<boolean>;
  release(): Promise<void>;
}

/** An arbitrary constant: the advisory lock key of Publica's scheduler. */
const SCHEDULER_LOCK = 746_518_203;

export function leadership(db: Db, onError?: (error: unknown) => void): Leadership {
  if (db.dialect !== 'postgres') return { check: async () => true, release: async () => {} };
  let client: pg.Client | undefined;
  let leading = false;
  const drop = () => {
    leading = false;
    client?.end().catch(() => {});
    client = undefined;
  };
  return {
    async check() {
      if (leading && client) return true;
      try {
        if (!client) {
          const { default: driver } = await import('pg');
          client = new driver.Client({ connectionString: db.url, application_name: 'publica-scheduler' });
          client.on('error', (error) => {
            onError?.(error);
            drop();
          });
          await client.connect();
        }
        const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [
          SCHEDULER_LOCK,
        ]);
        leading = rows[0]?.ok === true;
      } catch (error) {
        onError?.(error);
        drop();
      }
      return leading;
    },
    async release() {
      if (client && leading)
        await client.query('select pg_advisory_unlock($1)', [SCHEDULER_LOCK]).catch(() => {});
      drop();
    },
  };
}
