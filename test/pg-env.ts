// Where the PostgreSQL half of the suite finds its server; shared by the global setup and the harness.
export const PG_TEMPLATE_DB = 'publica_test_template';

export function pgAdminUrl(): string | undefined {
  return process.env.PUBLICA_TEST_PG || undefined;
}

export function isPgRequired(): boolean {
  return process.env.PUBLICA_REQUIRE_PG === '1' || process.env.CI === 'true';
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
