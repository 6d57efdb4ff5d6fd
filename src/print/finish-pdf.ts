import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  ParseSpeeds,
} from 'pdf-lib';
import type { PdfJob, PdfMetadata } from './job.js';
import { publicUrl } from './private-origin.js';

/** What briefing writes as the PDF's Creator and Producer (Chromium's would name its version). */
export const PDF_CREATOR = 'briefing';

/**
 * Rewrites a PDF fresh from Chromium with pdf-lib: the job's metadata (Chromium sets only the
 * title, its own dates and the language), links to the private origin made relative again,
 * links a viewer could run or open locally (`javascript:`, `file:`…) disarmed, and a document
 * ID derived from the job. pdf-lib keeps every object reachable from the catalog, so the
 * structure tree (`/MarkInfo`, `/StructTreeRoot`), the outline and named destinations pass
 * through untouched. Same job, same bytes: nothing here depends on the clock or on chance.
 * @throws {Error} for a `metadata.date` that is not a real `YYYY-MM-DD` date.
 */
export async function finishPdf(pdf: Uint8Array, job: PdfJob): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib stamps its own producer and the current time. By default
  // pdf-lib yields to the event loop (a setTimeout) every 100 objects read and 50 written,
  // which costs more than the work itself for a briefing; it is a few ms of CPU, so no yields.
  const doc = await PDFDocument.load(pdf, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  doc.setCreator(PDF_CREATOR);
  doc.setProducer(PDF_CREATOR);
  if (job.metadata !== undefined) applyMetadata(doc, job.metadata);
  rewriteLinks(doc);
  renumberStructureIds(doc);
  const id = PDFHexString.of(documentId(job));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  // A classic cross-reference table, as Chromium writes: object streams would make a briefing
  // about 40% smaller, but pdf-lib takes longer to write them (measured), in the time budget.
  return doc.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Infinity,
  });
}

function applyMetadata(doc: PDFDocument, metadata: PdfMetadata): void {
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.subject !== undefined) doc.setSubject(metadata.subject);
  if (metadata.author !== undefined) doc.setAuthor(metadata.author);
  if (metadata.keywords !== undefined) {
    // pdf-lib's setKeywords joins with spaces, which splits "trade policy" in two. The info
    // dictionary exists: setCreator made it.
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    info.set(PDFName.of('Keywords'), PDFHexString.fromText(metadata.keywords.join(', ')));
  }
  if (metadata.date !== undefined) {
    const date = editionDate(metadata.date);
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  }
  if (metadata.lang !== undefined) doc.setLanguage(metadata.lang);
}

/**
 * Chromium names the tagged PDF's structure elements after DOM node ids (`node00001216`), which
 * count every node the tab's renderer process has made, across all its documents: a document
 * printed while another prints gets other numbers. They are renumbered in their order (which is
 * the document's own) wherever they appear (the elements, table headers' references, the ID
 * tree), so that the same document always gives the same bytes.
 */
function renumberStructureIds(doc: PDFDocument): void {
  const numbers = new Set<number>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.Type) !== PDFName.of('StructElem'))
      continue;
    const number = nodeNumber(object.get(PDFName.of('ID')));
    if (number !== null) numbers.add(number);
  }
  if (numbers.size === 0) return;
  const renamed = new Map(
    [...numbers]
      .sort((a, b) => a - b)
      .map((n, i) => [n, PDFString.of(`node${String(i + 1).padStart(8, '0')}`)]),
  );
  for (const [, object] of doc.context.enumerateIndirectObjects()) rename(object, renamed);
}

/** The number of a Chromium structure id (`node00001216` → 1216), or `null`. */
function nodeNumber(value: unknown): number | null {
  if (!(value instanceof PDFString || value instanceof PDFHexString)) return null;
  const match = /^node(\d+)$/.exec(value.decodeText());
  return match ? Number(match[1]) : null;
}

/** Replaces the renamed ids in a dictionary or array and those nested in it, in place. */
function rename(object: unknown, renamed: Map<number, PDFString>): void {
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const number = nodeNumber(value);
      if (number !== null && renamed.has(number)) object.set(key, renamed.get(number)!);
      else rename(value, renamed);
    }
  } else if (object instanceof PDFArray) {
    for (let i = 0; i < object.size(); i++) {
      const value = object.get(i);
      const number = nodeNumber(value);
      if (number !== null && renamed.has(number)) object.set(i, renamed.get(number)!);
      else rename(value, renamed);
    }
  }
}

/** `YYYY-MM-DD` as that day's midnight UTC. */
function editionDate(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
  if (date === null || date.toISOString().slice(0, 10) !== text) {
    throw new Error(`the PDF date must be a YYYY-MM-DD date, not "${text}"`);
  }
  return date;
}

/** The schemes a PDF link keeps: links to any other (`javascript:`, `file:`…) are disarmed. */
export const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);

/**
 * Whether a PDF link may keep its target: a relative URL (a sibling file, `#fragment`), or one
 * whose scheme is in {@link LINK_SCHEMES}. A viewer could run or open anything else locally.
 */
export function isLinkTarget(url: string): boolean {
  // As URL parsers read it: leading controls and spaces, and tabs and line breaks, ignored.
  // eslint-disable-next-line no-control-regex
  const bare = url.replace(/^[\u0000-\u0020]+|[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(bare)?.[1];
  return scheme === undefined || LINK_SCHEMES.has(scheme.toLowerCase());
}

/**
 * Points link annotations at `other.html`, not `https://briefing.invalid/other.html`, and
 * disarms any link {@link isLinkTarget} refuses: the annotation stays (the structure tree
 * refers to it), without its action.
 */
function rewriteLinks(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (annots === undefined) continue;
    for (let index = 0; index < annots.size(); index += 1) {
      const annot = annots.lookupMaybe(index, PDFDict);
      const action = annot?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
      if (annot === undefined || action === undefined || uri === undefined) continue;
      const url = uri.decodeText();
      const relative = publicUrl(url);
      if (!isLinkTarget(relative)) annot.delete(PDFName.of('A'));
      // A URI is 7-bit ASCII (Chromium percent-encodes): hex keeps ( ) \ out of the way.
      else if (relative !== url) action.set(PDFName.of('URI'), asciiHex(relative));
    }
  }
}

function asciiHex(text: string): PDFHexString {
  return PDFHexString.of(Buffer.from(text, 'latin1').toString('hex'));
}

/** 16 bytes from the job's inputs, so the same job always gets the same ID. */
function documentId(job: PdfJob): string {
  return createHash('sha256')
    .update(JSON.stringify([job.html, job.format ?? null, job.metadata ?? null]))
    .digest('hex')
    .slice(0, 32);
}
