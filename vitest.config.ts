// Test runner settings: node environment, tests beside the code, DB suites run per dialect. The soak runs last
// and alone (its own project in a later group), so the load of other suites does not starve the server it
// measures; it needs no database, so the PostgreSQL setup is the main project's only.
import { defineConfig } from 'vitest/config';

const SOAK = 'test/reliability/soak.test.ts';
// The fast lane (npm run test:fast): unit and SQLite tests for the edit-test loop; no browser, no processes
// killed and restarted, no soak, and neither of the two exhaustive sweeps (the authorization matrix: every
// route × role × scope; the CLI run as processes), nor the audit of the demo `publica start` builds. npm test
// runs everything.
const FAST = process.env.PUBLICA_TEST_LANE === 'fast';
const SLOW = [
  'e2e/**',
  'test/reliability/**',
  'test/scale/**',
  'test/security/authorization-matrix.test.ts',
  'src/main/cli.test.ts',
  'test/demo-start-audit.test.ts',
];
// Vitest's default is one worker fewer than the cores (one on a 2-core machine); most suites wait on a database,
// an HTTP server or a child process, so two workers use two cores. PUBLICA_TEST_WORKERS overrides.
const WORKERS = Number(process.env.PUBLICA_TEST_WORKERS) || 2;
const common = { environment: 'node', testTimeout: 60_000, hookTimeout: 120_000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    maxWorkers: WORKERS,
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        test: {
          ...common,
          name: 'main',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'migrations/**/*.test.ts', 'e2e/**/*.test.ts'],
          exclude: FAST ? [SOAK, ...SLOW] : [SOAK],
          globalSetup: ['test/global-setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      { test: { ...common, name: 'soak', include: [SOAK], sequence: { groupOrder: 1 } } },
    ],
  },
});
