import { stat } from 'node:fs/promises';
import type { ResolvedConfig } from './config/resolve-config.js';
import type { Briefing, BuildResult, CorpusModel, Message } from './model.js';
import { analyzeCorpus } from './analyze-corpus.js';
import { createRenderer } from './render/render.js';
import { createPrinter } from './print/print.js';
import { printEdition, type RenderEdition } from './edition/print-edition.js';
import { loadAssets, referencedBy, type Asset } from './render/assets.js';
import { chartsFor, type BriefingCharts } from './visualize/charts.js';
import { OutputStage } from './write-output.js';

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
 * Builds the briefings: ingest → analyze → compose (the whole model first), then render
 * every page and print every PDF with one browser, then move all outputs into place at once.
 */
export async function build(
  config: ResolvedConfig,
  logger: BuildLogger = silent,
): Promise<BuildResult> {
  const started = performance.now();
  await assertCorpus(config.corpus);
  logger.progress(`Reading ${config.corpus}`);
  const model = await analyzeCorpus(config);
  if (model.documents.length === 0) {
    throw new BuildError(
      'nothing-to-build',
      `No readable document in ${config.corpus} (*.md, *.markdown, *.txt).`,
    );
  }
  const renderer = await createRenderer(config.templates);
  const charts = await chartsOf(model);
  const pages = model.briefings.map((briefing) => ({
    briefing,
    html: renderer.renderBriefing(briefing, { charts: charts[briefing.theme] }),
  }));
  const index = renderer.renderIndex(model, { pdf: config.pdf.enabled });
  const edition: RenderEdition = (pageNumbers) =>
    renderer.renderEdition(model, { pageNumbers, pdf: true, charts });
  const assets = referencedBy(await loadAssets(), [
    ...pages.map((page) => page.html),
    index,
    ...(config.pdf.enabled ? [edition(null)] : []),
  ]);
  const stage = await OutputStage.open(config.output);
  try {
    await stage.write('model.json', `${JSON.stringify(model, null, 2)}\n`);
    for (const { briefing, html } of pages) await stage.write(`${briefing.theme}.html`, html);
    await stage.write('index.html', index);
    for (const asset of assets) await stage.write(asset.path, asset.body);
    const pdfCount = config.pdf.enabled
      ? await printAll(config, stage, { model, pages, edition, assets }, logger)
      : 0;
    const written = await stage.commit();
    return {
      model,
      written,
      messages: model.messages,
      durationMs: performance.now() - started,
      pdfCount,
    };
  } catch (error) {
    await stage.discard();
    throw error;
  }
}

async function chartsOf(model: CorpusModel): Promise<Record<string, BriefingCharts>> {
  const entries = await Promise.all(
    model.briefings.map(async (briefing) => [briefing.theme, await chartsFor(briefing)] as const),
  );
  return Object.fromEntries(entries);
}

interface Printable {
  model: CorpusModel;
  pages: { briefing: Briefing; html: string }[];
  edition: RenderEdition;
  assets: Asset[];
}

/** Prints every briefing and the edition with one browser; returns how many PDFs were written. */
async function printAll(
  config: ResolvedConfig,
  stage: OutputStage,
  { model, pages, edition, assets }: Printable,
  logger: BuildLogger,
): Promise<number> {
  const printer = createPrinter({
    ...(config.pdf.browser ? { executablePath: config.pdf.browser } : {}),
    assets,
  });
  try {
    for (const { briefing, html } of pages) {
      logger.progress(`Printing ${briefing.theme}.pdf`);
      const file = `${briefing.theme}.pdf`;
      await printer.print({
        html,
        name: file,
        file: stage.pathOf(file),
        format: config.pdf.format,
        metadata: {
          title: `${briefing.title} — ${briefing.edition.date}`,
          subject: briefing.description,
          keywords: briefing.keywords,
          author: config.author,
          date: briefing.edition.date,
          lang: 'en',
        },
      });
      stage.add(file);
    }
    logger.progress('Printing edition.pdf');
    await printEdition(
      printer,
      edition,
      {
        name: 'edition.pdf',
        file: stage.pathOf('edition.pdf'),
        format: config.pdf.format,
        metadata: {
          title: `Briefings — ${model.edition.date}`,
          subject: model.briefings.map((b) => b.title).join('; '),
          keywords: model.briefings.map((b) => b.title),
          author: config.author,
          date: model.edition.date,
          lang: 'en',
        },
      },
      model.briefings.map((b) => ({ theme: b.theme, title: b.title })),
    );
    stage.add('edition.pdf');
    return pages.length + 1;
  } finally {
    await printer.close();
  }
}

async function assertCorpus(corpus: string): Promise<void> {
  const info = await stat(corpus).catch(() => null);
  if (!info?.isDirectory()) {
    throw new BuildError('corpus-missing', `Corpus folder not found: ${corpus}`);
  }
}

/** Counts messages by severity. */
export function countMessages(messages: Message[]): { errors: number; warnings: number } {
  const errors = messages.filter((m) => m.severity === 'error').length;
  return { errors, warnings: messages.length - errors };
}
