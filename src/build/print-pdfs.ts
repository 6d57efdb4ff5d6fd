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
import type { EarlyBrowser } from './early-browser.js';

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

/** How many PDFs print at once, each on its own tab of the one browser. */
const PRINTING_AT_ONCE = 3;

/**
 * Stages every briefing's PDF and the edition. A PDF whose inputs (its HTML, the fonts, the
 * paper and the metadata) are unchanged is taken from the cache, so the browser is used only
 * when something must really be printed. PDFs print a few at once on tabs of one browser (the
 * one the build started early, when given); they are staged in a fixed order.
 */
export async function printPdfs(
  config: ResolvedConfig,
  stage: OutputStage,
  { model, pages, edition, assets }: Printable,
  cache: CacheStore,
  logger: BuildLogger,
  browser: EarlyBrowser | null = null,
): Promise<PrintWork> {
  const work: PrintWork = { printed: [], reused: [] };
  const fonts = stableJson(assets.map((asset) => [asset.path, asset.body.length]));
  const printer = createPrinter({
    ...(config.pdf.browser ? { executablePath: config.pdf.browser } : {}),
    ...(browser ? { launched: browser.launched } : {}),
    assets,
  });
  const jobs: PdfJob[] = [
    ...pages.map(({ briefing, html }) => {
      const file = `${briefing.theme}.pdf`;
      const metadata = briefingMetadata(briefing, config.author);
      const key = hashOf(PRINT_VERSION, html, fonts, config.pdf.format, stableJson(metadata));
      const print = () => printer.render({ html, name: file, format: config.pdf.format, metadata });
      return { file, key, print };
    }),
    (() => {
      const metadata = editionMetadata(model, config.author);
      const html = edition(null);
      const key = hashOf(
        PRINT_VERSION,
        'edition',
        html,
        fonts,
        config.pdf.format,
        stableJson(metadata),
      );
      const print = () => printEditionBytes(printer, config, stage, model, edition, metadata);
      return { file: 'edition.pdf', key, print };
    })(),
  ];
  const limit = concurrency(PRINTING_AT_ONCE);
  try {
    const bytes = await Promise.all(
      jobs.map(async ({ file, key, print }) => {
        const hit = config.force ? undefined : await cache.get('pdf', key);
        if (hit) {
          work.reused.push(file);
          return hit;
        }
        logger.progress(`Printing ${file}`);
        work.printed.push(file);
        const printed = await limit(print);
        await cache.set('pdf', key, printed);
        return printed;
      }),
    );
    for (const [i, { file }] of jobs.entries()) await stage.write(file, bytes[i]!);
    work.printed.sort();
    work.reused.sort();
    return work;
  } finally {
    await printer.close();
  }
}

/** One PDF to stage: its file, its cache key, and how to print it. */
interface PdfJob {
  file: string;
  key: string;
  print(): Promise<Uint8Array>;
}

/** Runs at most `max` of the tasks given to it at once. */
function concurrency(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
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
