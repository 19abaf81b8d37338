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
