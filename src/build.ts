import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from './config/resolve-config.js';
import type { BuildResult } from './model.js';
import { CacheStore } from './cache/store.js';
import { hashOf } from './cache/hash.js';
import { scanCorpus, type CorpusMemo } from './ingest/scan-corpus.js';
import { inputsKey } from './build/manifest.js';
import { unchangedBuild } from './build/unchanged-build.js';
import { BuildError } from './build/build-error.js';
import { buildEdition } from './build/build-edition.js';
import { startBrowser } from './build/early-browser.js';
import { withOutputLock, type HeldLock, type LockTimings } from './build/lock.js';

export { BuildError } from './build/build-error.js';

/** The cache folder, inside the output folder. */
export const CACHE_DIR = '.cache';

/** Progress reporting for long work; silent by default. */
export interface BuildLogger {
  progress(message: string): void;
  /**
   * What the user should see even where progress is not shown, such as that the build waits
   * for another build of the same output folder. Defaults to `progress`.
   */
  notice?(message: string): void;
}

/** How a build runs, beyond its config. */
export interface BuildOptions {
  /** How long to wait for another build of the same output folder (see `withOutputLock`). */
  lock?: Partial<LockTimings>;
}

const silent: BuildLogger = { progress: () => {} };

/**
 * Builds the briefings: ingest → analyze → compose (the whole model first), then editions,
 * render every page and print every PDF with one browser, then move what changed into place at
 * once. Work is proportional to the change: analyses, charts and PDFs come from a persisted,
 * content-addressed cache when their inputs are unchanged (`force` ignores it), and an output
 * file whose bytes are unchanged is never touched. One build at a time writes an output folder:
 * the build holds the folder's lock throughout, waiting for another build that holds it.
 */
export async function build(
  config: ResolvedConfig,
  logger: BuildLogger = silent,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const started = performance.now();
  await assertCorpus(config.corpus);
  return withOutputLock(config.output, (lock) => buildLocked(config, logger, lock, started), {
    ...options.lock,
    onWait: (message) => (logger.notice ? logger.notice(message) : logger.progress(message)),
  });
}

async function buildLocked(
  config: ResolvedConfig,
  logger: BuildLogger,
  lock: HeldLock,
  started: number,
): Promise<BuildResult> {
  logger.progress(`Reading ${config.corpus}`);
  const cache = new CacheStore(path.join(config.output, CACHE_DIR));
  await cache.removeAbandoned();
  const memoKey = hashOf('corpus-memo', path.resolve(config.corpus));
  const scan = await scanCorpus(
    config.corpus,
    config.force ? undefined : await cache.getJson<CorpusMemo>('corpus-memo', memoKey),
  );
  const key = await inputsKey(config, scan);
  const unchanged = config.force ? null : await unchangedBuild(config, cache, key, started);
  if (unchanged) return unchanged;
  // Only a build with work to do loads the analyzer, the renderer and the printer. The browser
  // starts, and analysis begins on its threads, while the rest of the build loads.
  const browser = config.pdf.enabled ? await startBrowser(config) : null;
  try {
    const { composeEdition } = await import('./analyze-corpus.js');
    const analyses = { analyzed: [] as string[], reused: [] as string[] };
    const composing = composeEdition(config, {
      cache,
      force: config.force,
      stats: analyses,
      scan,
    });
    composing.catch(() => {});
    const modules = await Promise.all([
      import('./render/render.js'),
      import('./render/assets.js'),
      import('./write-output.js'),
      import('./editions/apply-editions.js'),
      import('./build/edition-state.js'),
      import('./build/charts.js'),
    ]);
    const analyzed = await composing;
    return await buildEdition(config, logger, lock, started, {
      cache,
      key,
      memo: { key: memoKey, value: scan.memo },
      analyzed,
      analyses,
      modules,
      browser,
    });
  } finally {
    await browser?.dispose();
  }
}

async function assertCorpus(corpus: string): Promise<void> {
  const info = await stat(corpus).catch(() => null);
  if (!info?.isDirectory()) {
    throw new BuildError('corpus-missing', `Corpus folder not found: ${corpus}`);
  }
}
