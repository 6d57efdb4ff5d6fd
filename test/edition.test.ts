import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditionError, printEdition } from '../src/edition-pdf/print-edition.js';
import type { PageNumbers } from '../src/edition-pdf/print-edition.js';
import { createPrinter } from '../src/print/print.js';
import type { Printer } from '../src/print/print.js';
import { pdfDay, readPdf } from './helpers/pdf.js';
import type { PdfContent } from './helpers/pdf.js';

/** Three briefings of different lengths: about 1, 3 and 2 pages of A4. */
const SECTIONS = [
  { theme: 'ip-enforcement', title: 'Intellectual property enforcement', paragraphs: 4 },
  { theme: 'trade-talks', title: 'Trade talks and tariffs', paragraphs: 28 },
  { theme: 'government-relations', title: 'Government relations', paragraphs: 18 },
];

interface EditionOptions {
  /** Whether the TOC links to the sections (else they are found by the outline). */
  links?: boolean;
  /** Extra HTML after the TOC, e.g. to make the numbers push the sections. */
  afterToc?: (pageNumbers: PageNumbers | null) => string;
  /** Sections to leave out of the document (but not of the TOC). */
  omit?: string[];
}

/**
 * A small edition like the designer's `renderEdition`: a cover, a TOC whose page numbers sit in
 * a fixed-width box (placeholders take the numbers' room), then each briefing on new pages.
 */
function editionHtml(pageNumbers: PageNumbers | null, options: EditionOptions = {}): string {
  const toc = SECTIONS.map(({ theme, title }) => {
    const label = options.links === false ? title : `<a href="#briefing-${theme}">${title}</a>`;
    const number = pageNumbers === null ? '–' : String(pageNumbers[theme]);
    return `<li>${label} <span class="num">${number}</span></li>`;
  });
  const sections = SECTIONS.filter(({ theme }) => !options.omit?.includes(theme)).map(
    ({ theme, title, paragraphs }) => {
      const body = Array.from(
        { length: paragraphs },
        (_, i) =>
          `<p>${title}, paragraph ${i + 1}. Officials met again this week; the talks covered ` +
          'quotas, port access and the inspection regime, and a further round is expected ' +
          'before the end of the quarter, with both sides reporting progress on the text.</p>',
      );
      return `<section class="briefing" id="briefing-${theme}"><h2>${title}</h2>${body.join('')}</section>`;
    },
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Edition</title><style>
    @page { size: A4; margin: 20mm 16mm 22mm;
      @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt } }
    body { font: 11pt/1.5 serif }
    .cover { height: 200mm; padding-top: 60mm; box-sizing: border-box } .cover h1 { font-size: 40pt; margin: 0 }
    .toc { break-before: page } .toc li { list-style: none }
    .num { display: inline-block; width: 3em; text-align: right }
    .briefing { break-before: page }
  </style></head><body>
    <div class="cover"><h1>The edition</h1><p>22 November 2026</p></div>
    <nav class="toc"><h2>Contents</h2><ul>${toc.join('')}</ul></nav>
    ${options.afterToc?.(pageNumbers) ?? ''}
    ${sections.join('\n')}
  </body></html>`;
}

let printer: Printer;
let dir: string;

beforeAll(async () => {
  printer = createPrinter();
  dir = await mkdtemp(join(tmpdir(), 'briefing-edition-'));
});

afterAll(async () => {
  await printer?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Page (1-based) of the first page after the TOC whose text has `title`. */
function firstPageWith(pdf: PdfContent, title: string): number {
  const tocPage = pdf.pageTexts.findIndex((text) => text.includes('Contents'));
  return pdf.pageTexts.findIndex((text, index) => index > tocPage && text.includes(title)) + 1;
}

/** Checks that each TOC line of the PDF shows the page its section's title first appears on. */
function expectTocTrue(pdf: PdfContent, numbers: PageNumbers): void {
  const toc = pdf.pageTexts.find((text) => text.includes('Contents'))!;
  for (const { theme, title } of SECTIONS) {
    const page = firstPageWith(pdf, title);
    expect(numbers[theme]).toBe(page);
    expect(toc).toContain(`${title} ${page}`);
  }
}

const job = (name: string) => ({
  file: join(dir, name),
  metadata: { title: 'The edition — 2026-11-22', date: '2026-11-22', lang: 'en' },
});

describe('printEdition', () => {
  it('prints a TOC whose numbers are the pages the sections start on, in two layouts', async () => {
    const result = await printEdition(
      printer,
      (numbers) => editionHtml(numbers),
      job('edition.pdf'),
      SECTIONS,
    );
    expect(result.passes).toBe(2);
    const pdf = await readPdf(join(dir, 'edition.pdf'));
    // Cover, TOC, then 1 + 3 + 2 pages: the sections differ in length.
    expect(result.pageNumbers).toEqual({
      'ip-enforcement': 3,
      'trade-talks': 4,
      'government-relations': 7,
    });
    expect(pdf.pages).toBe(8);
    expectTocTrue(pdf, result.pageNumbers);
    expect(pdf.text).not.toContain('–');
    // The TOC's links land on those pages too, and the footer counts the same pages.
    const tocLinks = pdf.links[1]!;
    expect(tocLinks.map((link) => link.page)).toEqual(
      SECTIONS.map((s) => result.pageNumbers[s.theme]),
    );
    pdf.pageTexts.forEach((text, index) =>
      expect(text).toContain(`Page ${index + 1} of ${pdf.pages}`),
    );
    expect(pdf.info.Title).toBe('The edition — 2026-11-22');
    expect(pdfDay(pdf.info.CreationDate)).toBe('2026-11-22');
    expect(pdf.outline).toEqual(expect.arrayContaining(SECTIONS.map((s) => s.title)));
    expect(printer.launches).toBe(1);
  });

  it('finds the sections by the outline when the TOC does not link to them', async () => {
    const result = await printEdition(
      printer,
      (numbers) => editionHtml(numbers, { links: false }),
      job('unlinked.pdf'),
      SECTIONS,
    );
    expect(result.passes).toBe(2);
    const pdf = await readPdf(join(dir, 'unlinked.pdf'));
    expect(pdf.links.flat()).toEqual([]);
    expectTocTrue(pdf, result.pageNumbers);
  });

  it('prints again when the numbers move the sections, and checks that layout too', async () => {
    // Numbers that need more room than the placeholders: here, a TOC one page longer.
    const afterToc = (numbers: PageNumbers | null) =>
      numbers === null ? '' : '<p style="break-before: page">Contents, continued.</p>';
    const result = await printEdition(
      printer,
      (numbers) => editionHtml(numbers, { afterToc }),
      job('moved.pdf'),
      SECTIONS,
    );
    expect(result.passes).toBe(3);
    expect(result.pageNumbers['ip-enforcement']).toBe(4);
    expectTocTrue(await readPdf(join(dir, 'moved.pdf')), result.pageNumbers);
  });

  it('gives up, writing nothing, when the numbers never settle', async () => {
    let layouts = 0;
    const afterToc = () => '<p style="break-before: page">Filler.</p>'.repeat(layouts);
    const error = await printEdition(
      printer,
      (numbers) => {
        layouts += 1;
        return editionHtml(numbers, { afterToc });
      },
      job('unstable.pdf'),
      SECTIONS,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditionError);
    expect((error as EditionError).code).toBe('edition-unstable');
    expect((error as Error).message).toMatch(/unstable\.pdf.*3 layouts/);
    expect(layouts).toBe(3);
    expect(await readdir(dir)).not.toContain('unstable.pdf');
  });

  it('names the sections it cannot find', async () => {
    const error = await printEdition(
      printer,
      (numbers) => editionHtml(numbers, { omit: ['trade-talks'], links: false }),
      job('missing.pdf'),
      SECTIONS,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditionError);
    expect((error as EditionError).code).toBe('edition-section-missing');
    expect((error as Error).message).toContain('#briefing-trade-talks');
    expect((error as Error).message).not.toContain('#briefing-ip-enforcement');
    expect(await readdir(dir)).not.toContain('missing.pdf');
  });
});
