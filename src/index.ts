/**
 * briefing's library API: the same functions the CLI calls.
 * @module
 */
export { loadConfig, parseConfig, ConfigError } from './config/load-config.js';
export type { ResolvedConfig, ConfigOverrides } from './config/resolve-config.js';
export type { UserConfig, Theme } from './config/schema.js';
export { build, BuildError, type BuildLogger, type BuildOptions } from './build.js';
export { withOutputLock } from './build/lock.js';
export type { OutputLockOptions, HeldLock, LockTimings } from './build/lock.js';
export { send, deliveryStatus, type SendRunOptions } from './distribute/send.js';
export { analyzeCorpus } from './analyze-corpus.js';
export { ingestCorpus, ingestText } from './ingest/ingest.js';
export { analyzeDocument } from './analyze/analyze.js';
export { compileThemes } from './analyze/score-themes.js';
export { composeBriefing } from './compose/compose.js';
export { createRenderer } from './render/render.js';
export { createPrinter } from './print/print.js';
export { findBrowser } from './print/find-browser.js';
export type * from './model.js';
