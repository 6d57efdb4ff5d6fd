import { isAbsolute } from 'node:path';
import { writeFileAtomic } from '../print/atomic-write.js';
import { PrintError } from '../print/print.js';
import type { Printer, PrintJob } from '../print/print.js';
import { locateSections, sectionId } from './locate-sections.js';
import type { EditionSection } from './locate-sections.js';

export type { EditionSection } from './locate-sections.js';

/** Page numbers of the edition's sections by theme: 1-based, the cover being page 1. */
export type PageNumbers = Record<string, number>;

/** Renders the edition's HTML with the TOC's page numbers, or placeholders for `null`. */
export type RenderEdition = (pageNumbers: PageNumbers | null) => string;

/** What {@link printEdition} printed: the TOC's numbers, and how many layouts it took. */
export interface EditionResult {
  pageNumbers: PageNumbers;
  /** Layouts printed: 2 when the placeholders took the numbers' room, at most {@link MAX_EDITION_PASSES}. */
  passes: number;
}

/** Layouts {@link printEdition} tries before giving up on page numbers that keep moving. */
export const MAX_EDITION_PASSES = 3;

/** The edition could not be printed with a TOC that tells the truth. */
export class EditionError extends Error {
  /**
   * `edition-section-missing`: a section's start could not be found in the PDF;
   * `edition-unstable`: printing the numbers kept moving the sections.
   */
  readonly code: 'edition-section-missing' | 'edition-unstable';
  /** The PDF file the edition was to be written to. */
  readonly file: string;

  constructor(code: EditionError['code'], file: string, message: string) {
    super(`Could not print ${file}: ${message}`);
    this.name = 'EditionError';
    this.code = code;
    this.file = file;
  }
}

/**
 * Prints the edition (cover, TOC, then every briefing) to `job.file` with a TOC whose page
 * numbers are where the sections start. The first layout has placeholders in the TOC; the
 * pages the sections start on there are printed in the next layout, which is checked in turn:
 * if the numbers moved the sections (a TOC line wrapping, say), the moved numbers are printed
 * and checked again, up to {@link MAX_EDITION_PASSES} layouts in all. Only a checked layout is
 * written, atomically. Sections are found as {@link locateSections} says.
 * @throws {EditionError} when a section cannot be found, or the numbers never settle.
 * @throws {PrintError} when printing or writing fails.
 */
export async function printEdition(
  printer: Printer,
  render: RenderEdition,
  job: Omit<PrintJob, 'html'>,
  sections: readonly EditionSection[],
): Promise<EditionResult> {
  if (!isAbsolute(job.file))
    throw new PrintError(job.file, new Error('the PDF path must be absolute'));
  let printed: PageNumbers | null = null;
  for (let pass = 1; pass <= MAX_EDITION_PASSES; pass += 1) {
    const pdf = await printer.render({ ...job, name: job.name ?? job.file, html: render(printed) });
    const found = await locateSections(pdf, sections);
    const missing = sections.filter((section) => found[section.theme] === undefined);
    if (missing.length > 0) {
      const ids = missing.map((section) => `#${sectionId(section.theme)}`).join(', ');
      throw new EditionError(
        'edition-section-missing',
        job.file,
        `no section starts at ${ids}: the TOC must link to each section's root element, or ` +
          'the section must have a heading with its title',
      );
    }
    if (printed !== null && sameNumbers(printed, found, sections)) {
      await writeFileAtomic(job.file, pdf).catch((error: unknown) => {
        throw new PrintError(job.file, error);
      });
      return { pageNumbers: printed, passes: pass };
    }
    printed = found;
  }
  throw new EditionError(
    'edition-unstable',
    job.file,
    `the TOC's page numbers still moved the sections after ${MAX_EDITION_PASSES} layouts ` +
      `(last found: ${JSON.stringify(printed)})`,
  );
}

function sameNumbers(a: PageNumbers, b: PageNumbers, sections: readonly EditionSection[]): boolean {
  return sections.every((section) => a[section.theme] === b[section.theme]);
}
