import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from './config/resolve-config.js';
import type { BuildResult, CorpusModel } from './model.js';
import { analyzeCorpus } from './analyze-corpus.js';
import { createRenderer } from './render/render.js';
import type { RenderEdition } from './edition-pdf/print-edition.js';
import { assetsFor } from './render/assets.js';
import { OutputStage } from './write-output.js';
import { CacheStore } from './cache/store.js';
import { applyEditions, type EditionState } from './editions/apply-editions.js';
import { EDITIONS_DIR, EDITIONS_STATE, readEditionState } from './build/edition-state.js';
import { chartsOf } from './build/charts.js';
import { printPdfs } from './build/print-pdfs.js';
import { inputsKey, manifestOf, outputsIntact, type Manifest } from './build/manifest.js';
import { hashOf } from './cache/hash.js';

/** The cache folder, inside the output folder. */
export const CACHE_DIR = '.cache';
/** A build that could not run at all (as opposed to content problems, which are messages). */
export class BuildError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BuildError';
  }
}

/** Progress reporting for long work; silent by default. */
export interface BuildLogger {
  progress(message: string): void;
}

const silent: BuildLogger = { progress: () => {} };

/**
 * Builds the briefings: ingest → analyze → compose (the whole model first), then editions,
 * render every page and print every PDF with one browser, then move what changed into place at
 * once. Work is proportional to the change: analyses, charts and PDFs come from a persisted,
 * content-addressed cache when their inputs are unchanged (`force` ignores it), and an output
 * file whose bytes are unchanged is never touched.
 */
export async function build(
  config: ResolvedConfig,
  logger: BuildLogger = silent,
): Promise<BuildResult> {
  const started = performance.now();
  await assertCorpus(config.corpus);
  logger.progress(`Reading ${config.corpus}`);
  const cacheDir = path.join(config.output, CACHE_DIR);
  const key = await inputsKey(config);
  const unchanged = config.force ? null : await unchangedBuild(config, cacheDir, key, started);
  if (unchanged) return unchanged;
  const cache = new CacheStore(cacheDir);
  const analyses = { analyzed: [] as string[], reused: [] as string[] };
  const analyzed = await analyzeCorpus(config, { cache, force: config.force, stats: analyses });
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
    await archivePrevious(stage, changed, previous);
    await stage.write('model.json', `${JSON.stringify(model, null, 2)}\n`);
    for (const { briefing, html } of pages) await stage.write(`${briefing.theme}.html`, html);
    await stage.write('index.html', index);
    for (const asset of assets) await stage.write(asset.path, asset.body);
    await stage.write(EDITIONS_STATE, `${JSON.stringify(state, null, 2)}\n`);
    const pdfs = config.pdf.enabled
      ? await printPdfs(config, stage, { model, pages, edition, assets }, cache, logger)
      : { printed: [], reused: [] };
    const written = await stage.commit();
    await cache.setJson(
      'manifest',
      hashOf('manifest'),
      await manifestOf(key, config.output, stage.outputs()),
    );
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

/**
 * When every input is as it was for the last complete build and its outputs are untouched,
 * that build's result stands: nothing is read beyond the inputs, nothing is written.
 */
async function unchangedBuild(
  config: ResolvedConfig,
  cacheDir: string,
  key: string,
  started: number,
): Promise<BuildResult | null> {
  const manifest = await new CacheStore(cacheDir).getJson<Manifest>('manifest', hashOf('manifest'));
  if (manifest?.key !== key || !(await outputsIntact(config.output, manifest))) return null;
  const model = JSON.parse(
    await readFile(path.join(config.output, 'model.json'), 'utf8'),
  ) as CorpusModel;
  const pdfs = Object.keys(manifest.files).filter(
    (file) => !file.includes('/') && file.endsWith('.pdf'),
  );
  return {
    model,
    written: [],
    messages: model.messages,
    durationMs: performance.now() - started,
    pdfCount: pdfs.length,
    work: {
      analyzed: [],
      reused: model.documents.map((d) => d.path),
      newEditions: [],
      printed: [],
      reusedPdfs: pdfs.sort(),
    },
  };
}

/** Keeps the edition a changed briefing replaces under `editions/<theme>/<number>/`. */
async function archivePrevious(
  stage: OutputStage,
  changed: string[],
  previous: EditionState,
): Promise<void> {
  for (const theme of changed) {
    const prior = previous.briefings[theme];
    if (!prior) continue;
    for (const file of [`${theme}.html`, `${theme}.pdf`]) {
      const bytes = await readFile(path.join(stage.output, file)).catch(() => null);
      if (bytes) await stage.write(`${EDITIONS_DIR}/${theme}/${prior.number}/${file}`, bytes);
    }
  }
}

async function assertCorpus(corpus: string): Promise<void> {
  const info = await stat(corpus).catch(() => null);
  if (!info?.isDirectory()) {
    throw new BuildError('corpus-missing', `Corpus folder not found: ${corpus}`);
  }
}
