import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from './config/resolve-config.js';
import type { BuildResult } from './model.js';
import { editionModelOf } from './build/edition-model.js';
import type { RenderEdition } from './edition-pdf/print-edition.js';
import { CacheStore } from './cache/store.js';
import { hashOf } from './cache/hash.js';
import { scanCorpus, type CorpusMemo } from './ingest/scan-corpus.js';
import { inputsKey, manifestOf } from './build/manifest.js';
import { MANIFEST, unchangedBuild } from './build/unchanged-build.js';
import { archivePrevious } from './build/archive-previous.js';
import { BuildError } from './build/build-error.js';
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
  // Only a build with work to do loads the analyzer, the renderer and the printer.
  const [
    { composeEdition },
    { createRenderer },
    { assetsFor },
    { OutputStage },
    { applyEditions },
    { EDITIONS_STATE, readEditionState },
    { chartsOf },
    { printPdfs },
  ] = await Promise.all([
    import('./analyze-corpus.js'),
    import('./render/render.js'),
    import('./render/assets.js'),
    import('./write-output.js'),
    import('./editions/apply-editions.js'),
    import('./build/edition-state.js'),
    import('./build/charts.js'),
    import('./build/print-pdfs.js'),
  ]);
  const analyses = { analyzed: [] as string[], reused: [] as string[] };
  const analyzed = await composeEdition(config, {
    cache,
    force: config.force,
    stats: analyses,
    scan,
  });
  // What the scan learned of each document spares the next build reading it.
  await cache.setJson('corpus-memo', memoKey, scan.memo);
  if (analyzed.documents.length === 0) {
    throw new BuildError(
      'nothing-to-build',
      `No readable document in ${config.corpus} (*.md, *.markdown, *.txt).`,
    );
  }
  const previous = await readEditionState(config.output);
  const { model, state, changed } = applyEditions(analyzed, previous, config.editionDate);
  const renderer = await createRenderer(config.templates);
  const charts = await chartsOf(model, cache, config.force);
  const pages = model.briefings.map((briefing) => ({
    briefing,
    html: renderer.renderBriefing(briefing, { charts: charts[briefing.theme] }),
  }));
  const index = renderer.renderIndex(model, { pdf: config.pdf.enabled });
  const edition: RenderEdition = (pageNumbers) =>
    renderer.renderEdition(model, { pageNumbers, pdf: true, charts });
  const assets = await assetsFor([
    ...pages.map((page) => page.html),
    index,
    ...(config.pdf.enabled ? [edition(null)] : []),
  ]);
  const stage = await OutputStage.open(config.output);
  try {
    // Staged (and so committed) in this order: the files that say which edition is current
    // come last, after the pages, fonts and PDFs they describe.
    await archivePrevious(stage, changed, previous);
    for (const { briefing, html } of pages) await stage.write(`${briefing.theme}.html`, html);
    for (const asset of assets) await stage.write(asset.path, asset.body);
    const pdfs = config.pdf.enabled
      ? await printPdfs(config, stage, { model, pages, edition, assets }, cache, logger)
      : { printed: [], reused: [] };
    await stage.write('index.html', index);
    await stage.write('model.json', `${JSON.stringify(editionModelOf(model), null, 2)}\n`);
    await stage.write(EDITIONS_STATE, `${JSON.stringify(state, null, 2)}\n`);
    lock.assertHeld();
    // Until the new manifest is written, the next build cannot take the early stop.
    await cache.delete(MANIFEST.bucket, MANIFEST.key);
    const written = await stage.commit();
    const manifest = await manifestOf(key, config.output, stage.outputs());
    await cache.setJson(MANIFEST.bucket, MANIFEST.key, manifest);
    return {
      model,
      written,
      messages: model.messages,
      durationMs: performance.now() - started,
      pdfCount: config.pdf.enabled ? pages.length + 1 : 0,
      work: { ...analyses, newEditions: changed, printed: pdfs.printed, reusedPdfs: pdfs.reused },
    };
  } catch (error) {
    await stage.discard();
    throw error;
  }
}

async function assertCorpus(corpus: string): Promise<void> {
  const info = await stat(corpus).catch(() => null);
  if (!info?.isDirectory()) {
    throw new BuildError('corpus-missing', `Corpus folder not found: ${corpus}`);
  }
}
