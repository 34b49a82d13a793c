/**
 * apistyle's programmatic API: what the CLI, the language server and users' scripts build on.
 * @packageDocumentation
 */
export { lint, chooseRuleset, openSession, openWorkspace } from './api.js';
export type { LintOptions, RulesetChoice, Session, SessionOptions, Workspace } from './api.js';
export { Engine } from './core/engine/engine.js';
export type { EngineOptions, LintInput } from './core/engine/engine.js';
export { loadRuleset, loadRulesets, builtinRulesetNames, DEFAULT_RULESET } from './core/config/rulesets.js';
export { findConfigFile, readConfig, CONFIG_FILE_NAMES } from './core/config/configRuleset.js';
export type { ApistyleConfig } from './core/config/configRuleset.js';
export { ruleDocUrl, readRuleDoc } from './core/docs.js';
export { exitCodeFor, EXIT_OK, EXIT_FINDINGS, EXIT_ERROR } from './core/results/exitCode.js';
export { UsageError } from './core/errors.js';
export { ResultCache } from './core/session/cache.js';
export { FORMATTERS, FORMAT_NAMES } from './formatters/index.js';
export type { FormatName, FormatContext, Formatter } from './formatters/index.js';
export type { Finding, InputProblem, LintReport, SeverityName } from './core/results/types.js';
