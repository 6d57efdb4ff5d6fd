import { stat } from 'node:fs/promises';
import type { ResolvedConfig } from './config/resolve-config.js';
import type { BuildResult, CorpusModel, Message } from './model.js';
import { analyzeCorpus } from './analyze-corpus.js';
import { createRenderer } from './render/render.js';
import { createPrinter } from './print/print.js';
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
  const stage = await OutputStage.open(config.output);
  try {
    await stage.write('model.json', `${JSON.stringify(model, null, 2)}\n`);
    const pages = model.briefings.map((briefing) => ({
      briefing,
      html: renderer.renderBriefing(briefing),
    }));
    for (const { briefing, html } of pages) await stage.write(`${briefing.theme}.html`, html);
    await stage.write('index.html', renderer.renderIndex(model, { pdf: config.pdf.enabled }));
    const pdfCount = config.pdf.enabled ? await printAll(config, stage, pages, logger) : 0;
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

async function printAll(
  config: ResolvedConfig,
  stage: OutputStage,
  pages: { briefing: CorpusModel['briefings'][number]; html: string }[],
  logger: BuildLogger,
): Promise<number> {
  const printer = createPrinter(config.pdf.browser ? { executablePath: config.pdf.browser } : {});
  try {
    for (const { briefing, html } of pages) {
      logger.progress(`Printing ${briefing.theme}.pdf`);
      const file = `${briefing.theme}.pdf`;
      await printer.print({
        html,
        file: stage.pathOf(file),
        title: `${briefing.title} — ${briefing.edition.date}`,
        banner: briefing.marking?.banner ?? null,
        format: config.pdf.format,
      });
      stage.add(file);
    }
    return pages.length;
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
