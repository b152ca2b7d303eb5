// The audit feature's public face.
export { lastAuditRun } from './audit-run.repo.ts';
