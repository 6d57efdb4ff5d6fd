/**
 * The PDF stage's budget: printing a briefing may take at most 1.2× what bare Puppeteer takes
 * (`page.setContent` + `page.pdf` of the same HTML) in the same warm browser.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { pathToFileURL } from 'node:url';
import { findBrowser } from '../../src/print/find-browser.js';
import { launchBrowser } from '../../src/print/launch.js';
import { createPrinterOn } from '../../src/print/print.js';
import type { PrintAsset } from '../../src/print/print.js';

/** What {@link benchPdf} measured; times are per briefing, in ms. */
export interface PdfBench {
  documents: number;
  rounds: number;
  /**
   * Median over rounds of the mean time per briefing of bare `setContent` + `pdf` in a tab at
   * a `file:` URL next to the fonts, as `output/<theme>.html` sits next to `output/fonts/`: the
   * same document, laid out in the same fonts.
   */
  bareMs: number;
  /**
   * The same in a tab at `about:blank`, where `fonts/…` resolves to nothing: the document in
   * fallback fonts, which are already loaded and cheaper to embed.
   */
  bareNoFontsMs: number;
  /** The same for the print stage: isolated tab, fonts served, pdf-lib metadata, atomic write. */
  printMs: number;
  /** `printMs / bareMs`: the budget, 1.2 at most. */
  ratio: number;
  /** `printMs / bareNoFontsMs`, for comparison. */
  ratioNoFonts: number;
  /** Each round's mean per briefing, in the order run. */
  runs: { bareMs: number; bareNoFontsMs: number; printMs: number }[];
}

/** The print options both sides use; the bare side has no interception, metadata or file. */
const PDF_OPTIONS = {
  format: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  tagged: true,
  outline: true,
} as const;

/**
 * Prints every document of `htmls` with the print stage and with bare Puppeteer, side by side
 * in one browser, over `rounds` rounds after a warm-up round, rotating which side goes first.
 * The print stage writes real files (to a temp folder, fsync included); bare Puppeteer only
 * returns bytes. `assets` are the fonts the documents load (`loadAssets()`).
 */
export async function benchPdf(
  htmls: string[],
  assets: readonly PrintAsset[],
  rounds = 7,
): Promise<PdfBench> {
  const location = await findBrowser();
  const browser = await launchBrowser(location.executablePath, 120_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'briefing-bench-pdf-'));
  const printer = createPrinterOn(browser, { assets, timeoutMs: 120_000 });
  try {
    for (const asset of assets) {
      await mkdir(path.dirname(path.join(dir, asset.path)), { recursive: true });
      await writeFile(path.join(dir, asset.path), asset.body);
    }
    await writeFile(path.join(dir, 'bare.html'), '<!doctype html><title></title>');
    // Background tabs like the printer's: Chromium slows the tab in front by painting it.
    const page = await browser.newPage({ background: true });
    await page.goto(pathToFileURL(path.join(dir, 'bare.html')).href);
    const blank = await browser.newPage({ background: true });
    const sides: Record<Side, (html: string, index: number) => Promise<unknown>> = {
      bare: (html) => bareRound(page, html),
      bareNoFonts: (html) => bareRound(blank, html),
      print: (html, index) =>
        printer.print({
          html,
          file: path.join(dir, `briefing-${index}.pdf`),
          metadata: { title: `Briefing ${index}`, date: '2026-11-22', lang: 'en' },
        }),
    };
    const order: Side[] = ['bare', 'print', 'bareNoFonts'];
    for (const side of order) await timeRound(htmls, sides[side]);
    const runs: PdfBench['runs'] = [];
    for (let round = 0; round < rounds; round += 1) {
      const times = { bare: 0, bareNoFonts: 0, print: 0 };
      // Each side goes first, second and last in turn, so drift in the machine's load is shared.
      for (let turn = 0; turn < order.length; turn += 1) {
        const side = order[(round + turn) % order.length]!;
        times[side] = (await timeRound(htmls, sides[side])) / htmls.length;
      }
      runs.push({ bareMs: times.bare, bareNoFontsMs: times.bareNoFonts, printMs: times.print });
    }
    const bareMs = median(runs.map((run) => run.bareMs));
    const bareNoFontsMs = median(runs.map((run) => run.bareNoFontsMs));
    const printMs = median(runs.map((run) => run.printMs));
    return {
      documents: htmls.length,
      rounds,
      bareMs,
      bareNoFontsMs,
      printMs,
      ratio: printMs / bareMs,
      ratioNoFonts: printMs / bareNoFontsMs,
      runs,
    };
  } finally {
    await printer.close();
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

type Side = 'bare' | 'bareNoFonts' | 'print';

async function bareRound(page: Page, html: string): Promise<void> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.pdf(PDF_OPTIONS);
}

async function timeRound(
  htmls: string[],
  run: (html: string, index: number) => Promise<unknown>,
): Promise<number> {
  const started = performance.now();
  for (const [index, html] of htmls.entries()) await run(html, index);
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
