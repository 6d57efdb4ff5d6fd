/**
 * What the print stage is asked to do: the documents it prints, the files they may load, and
 * the metadata written into each PDF.
 */

/**
 * A file a document loads by relative URL (a web font), served to Chromium from memory.
 * Structurally the same as the render stage's `Asset`, so either can be passed.
 */
export interface PrintAsset {
  /** Path relative to the page, with `/` separators; must be under `fonts/`, e.g. `fonts/x.woff2`. */
  path: string;
  /** The `Content-Type` to answer with, e.g. `font/woff2`. */
  contentType: string;
  body: Buffer;
}

/** Document metadata written into the PDF after Chromium prints it. */
export interface PdfMetadata {
  title: string;
  subject?: string;
  /** Written as one `Keywords` string, comma separated. */
  keywords?: string[];
  author?: string;
  /** `YYYY-MM-DD` (the edition date): both `CreationDate` and `ModDate`, at 00:00 UTC. */
  date?: string;
  /** BCP 47 language: the PDF's `/Lang` and the document's `<html lang>` while it is laid out. */
  lang?: string;
}

/** One HTML document to turn into PDF bytes. */
export interface PdfJob {
  /**
   * A complete HTML document. It is printed from `https://briefing.invalid/document.html`: it
   * may load the printer's assets by relative URL (`fonts/…`); everything else it references is
   * refused. Relative links (`other.html`) stay relative in the PDF.
   */
  html: string;
  /** Names the job in error messages; default: the PDF file for `print`, else `document`. */
  name?: string;
  /** Paper size for documents whose CSS declares no `@page { size }`; default A4. */
  format?: 'A4' | 'Letter' | 'Legal' | 'A3';
  /** Title, dates, language… Without it the PDF keeps Chromium's title (`<title>`) and dates. */
  metadata?: PdfMetadata;
}

/** One HTML document to print to one PDF file. */
export interface PrintJob extends PdfJob {
  /** Absolute path of the PDF to write; its directory is created if missing. */
  file: string;
}
