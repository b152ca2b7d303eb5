// The demo's seeding, apart from the product: its accounts, its planner and its training story, each written
// through the features' own services and repositories. Only the command line (`npm start`) uses it.
export { DEMO_PASSWORD, ensureDemoAccounts } from './demo-accounts.ts';
export { ensureDemoPlanner } from './demo-planner.ts';
export { auditBeforeSeminars, ensureDemoSeminars } from './demo-seminars.ts';
