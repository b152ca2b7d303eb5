// Where the PostgreSQL half of the suite finds its server; shared by the global setup and the harness.
export const PG_TEMPLATE_DB = 'publica_test_template';

/** An existing server to test against; unset means the run starts its own (test/embedded-pg.ts). */
export function pgAdminUrl(): string | undefined {
  const url = process.env.PUBLICA_TEST_PG;
  return url && url !== 'off' ? url : undefined;
}

/** PUBLICA_TEST_PG=off: the SQLite half alone, for the fast lane. */
export function pgDisabled(): boolean {
  return process.env.PUBLICA_TEST_PG === 'off';
}

export function isPgRequired(): boolean {
  return process.env.PUBLICA_REQUIRE_PG === '1';
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
