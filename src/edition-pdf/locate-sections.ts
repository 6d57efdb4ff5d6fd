import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } from 'pdf-lib';
import type { PDFObject } from 'pdf-lib';

/** A briefing of the edition: its theme id and its title. */
export interface EditionSection {
  theme: string;
  title: string;
}

/** The id of the element a section of the edition starts with (the designer's contract). */
export function sectionId(theme: string): string {
  return `briefing-${theme}`;
}

/**
 * On which page (1-based, the cover being page 1) each section of an edition PDF starts.
 *
 * First choice, the named destination `briefing-<theme>`: Chromium writes one for every element
 * a link of the document points at, so the TOC's links to the sections give each section's own
 * box, whatever text it holds and whatever the running headers repeat. Fallback, for a TOC
 * without links: the outline Chromium builds from the headings, taking in document order the
 * first entry after the previous section's whose title contains the section's title (text
 * search in the page content would also find the TOC line and running titles).
 * A section found by neither is left out of the result.
 */
export async function locateSections(
  pdf: Uint8Array,
  sections: readonly EditionSection[],
): Promise<Record<string, number>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageOf = new Map<PDFRef, number>(
    doc.getPages().map((page, index) => [page.ref, index + 1]),
  );
  const dests = namedDestinations(doc);
  const outline = outlineEntries(doc);
  const found: Record<string, number> = {};
  let after = 0;
  for (const section of sections) {
    const named = dests.get(sectionId(section.theme));
    if (named !== undefined) {
      const page = destinationPage(doc, named, pageOf);
      if (page !== undefined) {
        found[section.theme] = page;
        continue;
      }
    }
    const wanted = fold(section.title);
    if (wanted === '') continue;
    const index = outline.findIndex((entry, i) => i >= after && fold(entry.title).includes(wanted));
    const page = index < 0 ? undefined : destinationPage(doc, outline[index]!.dest, pageOf, dests);
    if (page !== undefined) {
      found[section.theme] = page;
      after = index + 1;
    }
  }
  return found;
}

interface OutlineEntry {
  title: string;
  dest: PDFObject | undefined;
}

/** Named destinations from the catalog's `/Dests` (what Chromium writes) and `/Names /Dests`. */
function namedDestinations(doc: PDFDocument): Map<string, PDFObject> {
  const names = new Map<string, PDFObject>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) names.set(key.decodeText(), value);
  const tree = doc.catalog
    .lookupMaybe(PDFName.of('Names'), PDFDict)
    ?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (tree !== undefined) collectNameTree(tree, names, 0);
  return names;
}

function collectNameTree(node: PDFDict, into: Map<string, PDFObject>, depth: number): void {
  // A malformed tree could loop; real ones are a few levels deep.
  if (depth > 32) return;
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 0; pairs !== undefined && i + 1 < pairs.size(); i += 2) {
    const key = pairs.lookup(i);
    if (key instanceof PDFString || key instanceof PDFHexString)
      into.set(key.decodeText(), pairs.get(i + 1));
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids !== undefined && i < kids.size(); i += 1) {
    const kid = kids.lookupMaybe(i, PDFDict);
    if (kid !== undefined) collectNameTree(kid, into, depth + 1);
  }
}

/** The outline's entries, depth first in document order, with their destination. */
function outlineEntries(doc: PDFDocument): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const seen = new Set<PDFDict>();
  const walk = (first: PDFDict | undefined): void => {
    for (let item = first; item !== undefined && !seen.has(item);) {
      seen.add(item);
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
      const dest = item.get(PDFName.of('Dest')) ?? action?.get(PDFName.of('D'));
      entries.push({ title: title?.decodeText() ?? '', dest });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  walk(root?.lookupMaybe(PDFName.of('First'), PDFDict));
  return entries;
}

/** The 1-based page a destination (an array, a `<< /D … >>` dict or a name) points at. */
function destinationPage(
  doc: PDFDocument,
  dest: PDFObject | undefined,
  pageOf: ReadonlyMap<PDFRef, number>,
  names?: ReadonlyMap<string, PDFObject>,
): number | undefined {
  const resolved = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
  if (
    resolved instanceof PDFName ||
    resolved instanceof PDFString ||
    resolved instanceof PDFHexString
  ) {
    const target = names?.get(resolved.decodeText());
    return target === undefined ? undefined : destinationPage(doc, target, pageOf);
  }
  if (resolved instanceof PDFDict)
    return destinationPage(doc, resolved.get(PDFName.of('D')), pageOf);
  if (!(resolved instanceof PDFArray)) return undefined;
  const page = resolved.get(0);
  return page instanceof PDFRef ? pageOf.get(page) : undefined;
}

/** Case- and whitespace-insensitive form for comparing titles. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}
