import { readFile } from 'node:fs/promises';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a test can check about a PDF: its text, page by page, and its metadata. */
export interface PdfContent {
  /** All pages' text, joined by a blank line (`\n\n`). */
  text: string;
  /** Number of pages. */
  pages: number;
  /** Each page's text in reading order, one line per line of the page (including running header/footer). */
  pageTexts: string[];
  /** The document information dictionary (`Title`, `Language`, `Producer`, `Creator`…). */
  info: Record<string, unknown>;
  /** Titles of the document outline (bookmarks), depth first; empty when there is none. */
  outline: string[];
  /** Whether the PDF says it is tagged (`/MarkInfo << /Marked true >>`). */
  tagged: boolean;
  /** Each page's text runs with their positions, for layout checks (running header/footer, sizes). */
  pageItems: PdfTextItem[][];
  /** Each page's size in PDF points (A4 is about 595 × 842). */
  pageSizes: { width: number; height: number }[];
}

/** One run of text on a page, positioned in PDF points from the page's bottom-left corner. */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  /** Height of the run's font, in points. */
  fontSize: number;
}

interface PageContent {
  text: string;
  items: PdfTextItem[];
  size: { width: number; height: number };
}

/**
 * Reads a PDF (a file path or its bytes) and extracts its text and metadata with pdf.js.
 * Throws if the bytes are not a readable PDF, so a broken file fails the test that reads it.
 */
export async function readPdf(source: string | Uint8Array): Promise<PdfContent> {
  // pdf.js takes ownership of (and detaches) the buffer it is given, so give it a copy.
  const data = new Uint8Array(typeof source === 'string' ? await readFile(source) : source);
  const task = getDocument({
    data,
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  });
  try {
    const doc = await task.promise;
    const pages: PageContent[] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      pages.push(await readPage(doc, number));
    }
    const pageTexts = pages.map((page) => page.text);
    const { info } = await doc.getMetadata();
    const markInfo = await doc.getMarkInfo();
    return {
      text: pageTexts.join('\n\n'),
      pages: doc.numPages,
      pageTexts,
      info: { ...(info as Record<string, unknown>) },
      outline: flattenOutline(await doc.getOutline()),
      tagged: markInfo?.Marked === true,
      pageItems: pages.map((page) => page.items),
      pageSizes: pages.map((page) => page.size),
    };
  } finally {
    await task.destroy();
  }
}

/** Collapses runs of whitespace to single spaces, for matching text that may wrap across lines. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function readPage(doc: PDFDocumentProxy, number: number): Promise<PageContent> {
  const page = await doc.getPage(number);
  try {
    const content = await page.getTextContent();
    const { width, height } = page.getViewport({ scale: 1 });
    let text = '';
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str;
      if (item.hasEOL) text += '\n';
      if (item.str.trim() !== '') {
        const [, , , , x = 0, y = 0] = item.transform as number[];
        items.push({ text: item.str, x, y, fontSize: item.height });
      }
    }
    const lines = text
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      .filter((line) => line !== '');
    return { text: lines.join('\n'), items, size: { width, height } };
  } finally {
    page.cleanup();
  }
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

function flattenOutline(nodes: OutlineNode[] | null): string[] {
  if (nodes === null) return [];
  return nodes.flatMap((node) => [node.title, ...flattenOutline(node.items)]);
}
