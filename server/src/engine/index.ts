// The engine's public surface. Pure: no file system, no LSP, no VS Code (a test checks it).
export type { Finding, OffsetRange, RuleLevel, Severity } from './findings';
export type { DocumentHost } from './host';
export { LineIndex, type Position } from './text/lineIndex';
export { PlanSet, redactSecrets, validateDocument, type ValidateOptions } from './validate';
export { analyzeDocument, type PlanDocument } from './document';
export { RULES, RULES_BY_ID } from './rules';
export { docsPath, type Rule, type RuleMeta } from './rules/rule';
export { CONFIG_FILE_NAME, parseConfig, type RuleConfig } from './config';
export { formatDay, formatMinutes, parseDate, parseDuration, todayDay } from './time';
export { findSecret } from './secrets';
export { didYouMean } from './rules/helpers';
export { quote } from './quote';
export { simulateDrill, simulateRevocation, type DrillResult, type Schedule, type SimulatedStep } from './simulate';
export { FRAMEWORKS, lookupFramework } from './frameworks';
export { COVERAGE_CONTROLS, classCoverage, planCoverage, type ClassCoverage, type CoverageControl, type CoverageControlName, type PlanCoverage } from './coverage';
export {
  FRAMEWORK_GROUP_TITLES,
  FRAMEWORK_ROWS,
  coveragePercent,
  coverageReport,
  frameworkCoverage,
  isCoveredPlan,
  type CoverageInput,
  type CoverageReport,
  type FrameworkCoverage,
  type FrameworkGroup,
  type PlanCoverageEntry,
} from './coverageReport';
export { CONTROL_TITLES, renderCoverageSvg, rowLabel, shortFrameworkId, type HeatMapOptions } from './coverageSvg';
