import { readFile } from 'node:fs/promises';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
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
  /** The outline's entries with the 1-based page each one points at (`null` if it points nowhere). */
  outlinePages: { title: string; page: number | null }[];
  /** Whether the PDF says it is tagged (`/MarkInfo << /Marked true >>`). */
  tagged: boolean;
  /** Whether it has a structure tree (`/StructTreeRoot`), as pdf.js reads it for page 1. */
  structured: boolean;
  /** Each page's link annotations, in the page's order. */
  links: PdfLink[][];
  /** Names of the fonts the PDF embeds or references (`BaseFont`, subset prefix `ABCDEF+` removed), sorted, unique. */
  fonts: string[];
  /** The trailer's `/ID` pair as hex, `null` when there is none. */
  id: [string, string] | null;
  /** Each page's text runs with their positions, for layout checks (running header/footer, sizes). */
  pageItems: PdfTextItem[][];
  /** Each page's size in PDF points (A4 is about 595 × 842). */
  pageSizes: { width: number; height: number }[];
}

/** A link annotation: to a URL, or to a place in the document. */
export interface PdfLink {
  /** The URI it opens (relative URIs as written), `null` for an internal link. */
  url: string | null;
  /** The named destination it goes to (`cite-3`), `null` for an explicit or no destination. */
  dest: string | null;
  /** The 1-based page an internal link goes to, `null` for a URL or an unresolvable destination. */
  page: number | null;
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
  const data = new Uint8Array(typeof source === 'string' ? await readFile(source) : source);
  const task = getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given, so give it a copy.
    data: data.slice(),
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
    const links: PdfLink[][] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      links.push(await readLinks(doc, number));
    }
    const outline = await doc.getOutline();
    const firstPage = await doc.getPage(1);
    const structured = (await firstPage.getStructTree()) !== null;
    const { info } = await doc.getMetadata();
    const markInfo = await doc.getMarkInfo();
    return {
      text: pageTexts.join('\n\n'),
      pages: doc.numPages,
      pageTexts,
      info: { ...(info as Record<string, unknown>) },
      outline: flattenOutline(outline),
      outlinePages: await outlinePages(doc, outline),
      tagged: markInfo?.Marked === true,
      structured,
      links,
      ...(await readFonts(data)),
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
  dest: string | unknown[] | null;
  items: OutlineNode[];
}

/** The `YYYY-MM-DD` of a PDF date string (`D:20261122000000Z`), `null` if it is not one. */
export function pdfDay(value: unknown): string | null {
  const match = typeof value === 'string' ? /^D:(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** The 1-based page a destination (a name or an explicit array) points at, `null` if none. */
async function destinationPage(
  doc: PDFDocumentProxy,
  dest: string | unknown[] | null | undefined,
): Promise<number | null> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
  const target = explicit?.[0];
  if (typeof target === 'number') return target + 1;
  if (target === null || typeof target !== 'object') return null;
  return (await doc.getPageIndex(target as { num: number; gen: number })) + 1;
}

async function readLinks(doc: PDFDocumentProxy, number: number): Promise<PdfLink[]> {
  const page = await doc.getPage(number);
  const annotations = (await page.getAnnotations()) as {
    subtype: string;
    url?: string;
    unsafeUrl?: string;
    dest?: string | unknown[];
  }[];
  const links: PdfLink[] = [];
  for (const annotation of annotations) {
    if (annotation.subtype !== 'Link') continue;
    const url = annotation.unsafeUrl ?? annotation.url ?? null;
    links.push({
      url,
      dest: typeof annotation.dest === 'string' ? annotation.dest : null,
      page: url === null ? await destinationPage(doc, annotation.dest) : null,
    });
  }
  return links;
}

async function outlinePages(
  doc: PDFDocumentProxy,
  nodes: OutlineNode[] | null,
): Promise<{ title: string; page: number | null }[]> {
  const entries: { title: string; page: number | null }[] = [];
  for (const node of nodes ?? []) {
    entries.push({ title: node.title, page: await destinationPage(doc, node.dest) });
    entries.push(...(await outlinePages(doc, node.items)));
  }
  return entries;
}

/** Font names and the trailer ID, read with pdf-lib (pdf.js exposes neither directly). */
async function readFonts(
  data: Uint8Array,
): Promise<{ fonts: string[]; id: [string, string] | null }> {
  const doc = await PDFDocument.load(data, { updateMetadata: false });
  const fonts = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const base = object.get(PDFName.of('BaseFont'));
    if (base instanceof PDFName) fonts.add(base.decodeText().replace(/^[A-Z]{6}\+/, ''));
  }
  const id = doc.context.trailerInfo.ID;
  const pair = id === undefined ? null : String(id).match(/<([0-9A-Fa-f]*)>/g);
  return {
    fonts: [...fonts].sort(),
    id: pair && pair.length === 2 ? [pair[0]!.slice(1, -1), pair[1]!.slice(1, -1)] : null,
  };
}

function flattenOutline(nodes: OutlineNode[] | null): string[] {
  if (nodes === null) return [];
  return nodes.flatMap((node) => [node.title, ...flattenOutline(node.items)]);
}
