// The methodology feature's public face: versions as data, the rule implementations, and the text detectors.
export type * from './artifacts.ts';
export { NO_COLOR, type ShownLevel, shownLevels } from './levels.ts';
export {
  type MethodologyRuleView,
  type MethodologyVersionView,
  methodologyContract,
} from './methodology.contract.ts';
export {
  checkVersion,
  formatProblem,
  listVersionIds,
  loadVersion,
  METHODOLOGY_ROOT,
  MethodologyError,
  type MethodologyVersion,
  NATIONAL_VERSION,
  type Problem,
  registerVersion,
  type Sources,
  sharedSources,
  shippedVersion,
  withHash,
} from './methodology.loader.ts';
export { methodologyRoutes } from './methodology.routes.ts';
export { type RuleNetwork, ruleOnNetwork } from './networks.ts';
export { isQuestion } from './rules/dialogue.ts';
export { rules } from './rules/index.ts';
export type { Rule } from './rules/rule.ts';
export { fillTemplate, formatDay, paramVars, pluralForm } from './template.ts';
export { findPersonalData } from './text/personal-data.ts';
export { findProfanity, type ProfanityKind, type ProfanityMatch } from './text/profanity.ts';
export type { Comparison, Condition, LevelEntry, RuleEntry, Scoring } from './version.schema.ts';
export { severities } from './version.schema.ts';
export { diffVersions, type VersionDiff } from './version-diff.ts';
