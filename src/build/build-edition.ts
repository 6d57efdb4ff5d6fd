import type { ResolvedConfig } from '../config/resolve-config.js';
import type { BuildResult, EditionModel } from '../model.js';
import type { RenderEdition } from '../edition-pdf/print-edition.js';
import type { CacheStore } from '../cache/store.js';
import type { BuildLogger } from '../build.js';
import type { EarlyBrowser } from './early-browser.js';
import type { HeldLock } from './lock.js';
import { manifestOf } from './manifest.js';
import { MANIFEST } from './unchanged-build.js';
import { archivePrevious } from './archive-previous.js';
import { BuildError } from './build-error.js';
import type * as Render from '../render/render.js';
import type * as Assets from '../render/assets.js';
import type * as WriteOutput from '../write-output.js';
import type * as ApplyEditions from '../editions/apply-editions.js';
import type * as EditionState from './edition-state.js';
import type * as Charts from './charts.js';

/** What the build has ready when it writes the edition. */
export interface EditionInputs {
  cache: CacheStore;
  /** The inputs' key, for the manifest. */
  key: string;
  /** The corpus memo the scan made, and where to keep it. */
  memo: { key: string; value: unknown };
  analyzed: EditionModel;
  analyses: { analyzed: string[]; reused: string[] };
  /** The stages' modules, loaded once there was work to do. */
  modules: [
    typeof Render,
    typeof Assets,
    typeof WriteOutput,
    typeof ApplyEditions,
    typeof EditionState,
    typeof Charts,
  ];
  /** The browser started for the PDFs, when they are enabled. */
  browser: EarlyBrowser | null;
}

/**
 * Writes the edition from the composed model: editions, every page rendered, every PDF printed,
 * then what changed moved into place at once (see `OutputStage`).
 */
export async function buildEdition(
  config: ResolvedConfig,
  logger: BuildLogger,
  lock: HeldLock,
  started: number,
  inputs: EditionInputs,
): Promise<BuildResult> {
  const { cache, key, memo, analyzed, analyses, browser } = inputs;
  const [
    { createRenderer },
    { assetsFor },
    { OutputStage },
    { applyEditions },
    { EDITIONS_STATE, readEditionState },
    { chartsOf },
  ] = inputs.modules;
  // What the scan learned of each document spares the next build reading it.
  await cache.setJson('corpus-memo', memo.key, memo.value);
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
      ? await import('./print-pdfs.js').then(({ printPdfs }) =>
          printPdfs(config, stage, { model, pages, edition, assets }, cache, logger, browser),
        )
      : { printed: [], reused: [] };
    await stage.write('index.html', index);
    await stage.write('model.json', `${JSON.stringify(model, null, 2)}\n`);
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
