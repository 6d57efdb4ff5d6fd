import { readFile } from 'node:fs/promises';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { Briefing, EditionModel } from '../model.js';
import type { CacheStore } from '../cache/store.js';
import { hashOf, stableJson } from '../cache/hash.js';
import { createPrinter, type Printer } from '../print/print.js';
import type { PdfMetadata } from '../print/job.js';
import { printEdition, type RenderEdition } from '../edition-pdf/print-edition.js';
import type { Asset } from '../render/assets.js';
import type { OutputStage } from '../write-output.js';
import type { BuildLogger } from '../build.js';

/** Part of every PDF cache key: bump when printing changes what a PDF holds. */
const PRINT_VERSION = 'print-1';

/** What the PDF stage needs. */
export interface Printable {
  model: EditionModel;
  pages: { briefing: Briefing; html: string }[];
  edition: RenderEdition;
  assets: Asset[];
}

/** Which PDFs were printed and which were reused from the cache. */
export interface PrintWork {
  printed: string[];
  reused: string[];
}

/**
 * Stages every briefing's PDF and the edition. A PDF whose inputs (its HTML, the fonts, the
 * paper and the metadata) are unchanged is taken from the cache, so the browser is launched
 * only when something must really be printed.
 */
export async function printPdfs(
  config: ResolvedConfig,
  stage: OutputStage,
  { model, pages, edition, assets }: Printable,
  cache: CacheStore,
  logger: BuildLogger,
): Promise<PrintWork> {
  const work: PrintWork = { printed: [], reused: [] };
  const fonts = stableJson(assets.map((asset) => [asset.path, asset.body.length]));
  const printer = createPrinter({
    ...(config.pdf.browser ? { executablePath: config.pdf.browser } : {}),
    assets,
  });
  const cached = async (file: string, key: string, print: () => Promise<Uint8Array>) => {
    const hit = config.force ? undefined : await cache.get('pdf', key);
    if (hit) work.reused.push(file);
    else {
      logger.progress(`Printing ${file}`);
      work.printed.push(file);
    }
    const bytes = hit ?? (await print());
    if (!hit) await cache.set('pdf', key, bytes);
    await stage.write(file, bytes);
  };
  try {
    for (const { briefing, html } of pages) {
      const file = `${briefing.theme}.pdf`;
      const metadata = briefingMetadata(briefing, config.author);
      const key = hashOf(PRINT_VERSION, html, fonts, config.pdf.format, stableJson(metadata));
      await cached(file, key, () =>
        printer.render({ html, name: file, format: config.pdf.format, metadata }),
      );
    }
    const metadata = editionMetadata(model, config.author);
    const key = hashOf(
      PRINT_VERSION,
      'edition',
      edition(null),
      fonts,
      config.pdf.format,
      stableJson(metadata),
    );
    await cached('edition.pdf', key, () =>
      printEditionBytes(printer, config, stage, model, edition, metadata),
    );
    return work;
  } finally {
    await printer.close();
  }
}

async function printEditionBytes(
  printer: Printer,
  config: ResolvedConfig,
  stage: OutputStage,
  model: EditionModel,
  edition: RenderEdition,
  metadata: PdfMetadata,
): Promise<Uint8Array> {
  const file = stage.pathOf('.edition-print.pdf');
  await printEdition(
    printer,
    edition,
    { name: 'edition.pdf', file, format: config.pdf.format, metadata },
    model.briefings.map((b) => ({ theme: b.theme, title: b.title })),
  );
  return readFile(file);
}

function briefingMetadata(briefing: Briefing, author: string): PdfMetadata {
  return {
    title: `${briefing.title} — ${briefing.edition.date}`,
    subject: briefing.description,
    keywords: briefing.keywords,
    author,
    date: briefing.edition.date,
    lang: 'en',
  };
}

function editionMetadata(model: EditionModel, author: string): PdfMetadata {
  return {
    title: `Briefings — ${model.edition.date}`,
    subject: model.briefings.map((b) => b.title).join('; '),
    keywords: model.briefings.map((b) => b.title),
    author,
    date: model.edition.date,
    lang: 'en',
  };
}
