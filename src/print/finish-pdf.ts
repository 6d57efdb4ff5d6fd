import { createHash } from 'node:crypto';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, ParseSpeeds } from 'pdf-lib';
import type { PdfJob, PdfMetadata } from './job.js';
import { publicUrl } from './private-origin.js';

/** What briefing writes as the PDF's Creator and Producer (Chromium's would name its version). */
export const PDF_CREATOR = 'briefing';

/**
 * Rewrites a PDF fresh from Chromium with pdf-lib: the job's metadata (Chromium sets only the
 * title, its own dates and the language), links to the private origin made relative again, and
 * a document ID derived from the job. pdf-lib keeps every object reachable from the catalog, so
 * the structure tree (`/MarkInfo`, `/StructTreeRoot`), the outline and named destinations pass
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
  relativizeLinks(doc);
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

/** `YYYY-MM-DD` as that day's midnight UTC. */
function editionDate(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
  if (date === null || date.toISOString().slice(0, 10) !== text) {
    throw new Error(`the PDF date must be a YYYY-MM-DD date, not "${text}"`);
  }
  return date;
}

/** Points link annotations at `other.html`, not `https://briefing.invalid/other.html`. */
function relativizeLinks(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (annots === undefined) continue;
    for (let index = 0; index < annots.size(); index += 1) {
      const action = annots.lookupMaybe(index, PDFDict)?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
      if (action === undefined || uri === undefined) continue;
      const url = uri.decodeText();
      const relative = publicUrl(url);
      // A URI is 7-bit ASCII (Chromium percent-encodes): hex keeps ( ) \ out of the way.
      if (relative !== url) action.set(PDFName.of('URI'), asciiHex(relative));
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
