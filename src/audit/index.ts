// The audit feature's public face.

export { auditContract, type PageReportView } from './audit.contract.ts';
export { auditRoutes } from './audit.routes.ts';
export { diffRuns, type RunDiff } from './audit-diff.service.ts';
export { AUDIT_RUN, AUDIT_SHARD, type AuditJobsConfig, type AuditRunData, auditJobs } from './audit-jobs.ts';
export {
  countPageResults,
  findRunningRun,
  getAuditRun,
  lastAuditRun,
  levelChanges,
  levelCounts,
  passRates,
  peerStats,
} from './audit-run.repo.ts';
export { type AuditSummary, runAudit } from './audit-run.service.ts';
export { type Calibration, calibrate } from './calibrate.service.ts';
export { evaluatePage, holidaysIn, type PageAudit, type RuleOutcome } from './evaluate.ts';
export { type NetworkReportView, networkReportContract } from './network-report.contract.ts';
export { networkReportRoutes } from './network-report.routes.ts';
export { type NetworkPageReport, networkPageReport } from './network-report.service.ts';
export { pageFactsRoutes } from './page-facts.routes.ts';
export { type PageReport, pageReport } from './page-report.service.ts';
export { percentileOf, quantiles } from './peer-stats.ts';
export { formatPeriod, parsePeriod } from './period.ts';
export { previewVersion, type VersionPreview } from './preview.service.ts';
export { type Recommendation, recommend } from './recommend.ts';
export { logNormalScore, scorePage, scoreRule } from './score.ts';
export { computeUnitRollups, writeUnitRollups } from './unit-rollups.repo.ts';
