import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmod, link, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser } from '../src/print/find-browser.js';
import { launchBrowser } from '../src/print/launch.js';
import { PrintError, createPrinter, createPrinterOn } from '../src/print/print.js';
import type { PrintAsset, Printer, PrintJob } from '../src/print/print.js';
import { pdfDay, readPdf, squash } from './helpers/pdf.js';
import { root } from './helpers/paths.js';

const BANNER = 'UNCLASSIFIED//FOR OFFICIAL USE ONLY';

let printer: Printer;
let dir: string;
let server: Server;
let origin: string;
let font: PrintAsset;
const hits: string[] = [];
const refused: string[] = [];
let connections = 0;

beforeAll(async () => {
  const fontPath = join(root, 'node_modules', '@fontsource', 'source-serif-4', 'files', FONT_FILE);
  font = { path: `fonts/${FONT_FILE}`, contentType: 'font/woff2', body: await readFile(fontPath) };
  printer = createPrinter({ assets: [font], onRefused: (url) => refused.push(url) });
  dir = await mkdtemp(join(tmpdir(), 'briefing-print-'));
  // Answers every request with CSS that would show up in the PDF text if it were ever loaded.
  server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.setHeader('content-type', 'text/css');
    response.end("body::after { content: 'REMOTE CONTENT LOADED' }");
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await printer?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The web font the tests serve as an asset; no system font of that name exists here. */
const FONT_FILE = 'source-serif-4-latin-400-normal.woff2';
const FONT_FAMILY = 'Source Serif 4';

/**
 * Running header and footer in `@page` margin boxes, as the designer's stylesheet declares
 * them: the banner top and bottom centre, "Page X of Y" bottom right, in the body's web font.
 */
function pageCss(banner: string | null): string {
  const box = (content: string) => `content: ${content}; font: 8pt '${FONT_FAMILY}', serif`;
  const bannerBoxes =
    banner === null
      ? ''
      : `@top-center { ${box(JSON.stringify(banner))}; font-weight: bold }
         @bottom-center { ${box(JSON.stringify(banner))}; font-weight: bold }`;
  return `@page {
    size: A4;
    margin: 20mm 16mm 22mm;
    ${bannerBoxes}
    @bottom-right { ${box('"Page " counter(page) " of " counter(pages)')} }
  }`;
}

/** A complete HTML document around `body`, in the asset's web font, with running header/footer. */
function html(
  body: string,
  options: { title?: string; head?: string; banner?: string | null; lang?: string } = {},
): string {
  return [
    `<!doctype html><html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8">`,
    `<title>${options.title ?? 'HTML title'}</title>`,
    '<style>',
    `@font-face { font-family: '${FONT_FAMILY}'; src: url(fonts/${FONT_FILE}) format('woff2') }`,
    `body { font-family: '${FONT_FAMILY}', serif; font-size: 11pt } h1, h2 { color: #124 }`,
    pageCss(options.banner ?? null),
    '</style>',
    options.head ?? '',
    `</head><body>${body}</body></html>`,
  ].join('\n');
}

function job(name: string, body: string, extra: Partial<PrintJob> = {}): PrintJob {
  return { html: html(body), file: join(dir, name), ...extra };
}
/** A document long enough to need several A4 pages, with a heading per section. */
function longBody(): string {
  const sections: string[] = [];
  for (let section = 1; section <= 6; section += 1) {
    sections.push(`<h2 id="section-${section}">Section ${section} heading</h2>`);
    for (let paragraph = 1; paragraph <= 12; paragraph += 1) {
      sections.push(
        `<p>Marker s${section}p${paragraph}. Ministers met on the fisheries dispute again; ` +
          'the talks covered quotas, port access and the inspection regime, and ' +
          `officials expect a further round before the end of the quarter.<a href="#cite-${section}">[${section}]</a></p>`,
      );
    }
  }
  const notes = [1, 2, 3, 4, 5, 6].map((n) => `<li id="cite-${n}">Source note ${n}.</li>`);
  return `<h1>Weekly briefing</h1>${sections.join('\n')}<h2>Sources</h2><ol>${notes.join('')}</ol>`;
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

const METADATA = {
  title: 'Fisheries — weekly briefing 報告',
  subject: 'Quotas, port access and inspections',
  keywords: ['fisheries', 'trade policy', 'ports'],
  author: 'Briefing desk',
  date: '2026-11-22',
  lang: 'en-GB',
};

describe('Printer', () => {
  it('launches lazily, and closes safely when never launched and twice', async () => {
    const idle = createPrinter();
    expect(idle.launched).toBe(false);
    await idle.close();
    await idle.close();
    expect(idle.launched).toBe(false);
    expect(idle.launches).toBe(0);
    await expect(idle.print(job('after-close.pdf', '<p>x</p>'))).rejects.toThrow(/closed/);
    await expect(idle.render({ html: html('<p>x</p>') })).rejects.toThrow(/closed/);
  });

  it('prints two jobs with one browser: body, running header and footer from @page margin boxes', async () => {
    const long = job('long.pdf', longBody());
    long.html = html(longBody(), { banner: BANNER });
    const short = job('short.pdf', '<h1>Short note</h1><p>Only one page of body text.</p>');
    await Promise.all([printer.print(long), printer.print(short)]);
    expect(printer.launched).toBe(true);
    expect(printer.launches).toBe(1);
    expect(printer.browser?.executablePath).toBeTruthy();

    const longPdf = await readPdf(long.file);
    expect(longPdf.pages).toBeGreaterThan(2);
    expect(longPdf.text).toContain('Weekly briefing');
    expect(longPdf.text).toContain('Marker s1p1.');
    expect(longPdf.text).toContain('Marker s6p12.');
    longPdf.pageTexts.forEach((text, index) => {
      // Once in the running header, once in the footer.
      expect(count(text, BANNER)).toBe(2);
      expect(text).toContain(`Page ${index + 1} of ${longPdf.pages}`);
    });
    // The banner sits in the top and bottom margins at a readable size, in the body's web font.
    const { height } = longPdf.pageSizes[0]!;
    const banners = longPdf.pageItems[0]!.filter((item) => item.text.includes(BANNER));
    expect(banners.map((item) => item.y > height / 2).sort()).toEqual([false, true]);
    for (const item of banners) {
      expect(item.y < 72 || item.y > height - 72).toBe(true);
      expect(item.fontSize).toBeGreaterThanOrEqual(7);
    }
    expect(longPdf.fonts).toContain('SourceSerif4-Regular');
    expect(longPdf.tagged).toBe(true);
    expect(longPdf.structured).toBe(true);
    expect(longPdf.outline).toContain('Section 6 heading');

    const shortPdf = await readPdf(short.file);
    expect(shortPdf.pages).toBe(1);
    expect(shortPdf.text).toContain('Only one page of body text.');
    expect(shortPdf.text).toContain('Page 1 of 1');
    expect(shortPdf.text).not.toContain('UNCLASSIFIED');
    // No Chromium header/footer (date, title, URL) besides the document's own margin boxes.
    expect(shortPdf.text).not.toContain('HTML title');
    expect(shortPdf.text).not.toContain('briefing.invalid');
    expect(shortPdf.text).not.toContain('about:blank');
  });

  it('writes the metadata, keeping structure, outline, internal links and language', async () => {
    const printed = job('metadata.pdf', longBody(), { metadata: METADATA });
    printed.html = html(longBody(), { title: 'Not this one', lang: 'fr' });
    await printer.print(printed);
    const pdf = await readPdf(printed.file);

    expect(pdf.info.Title).toBe(METADATA.title);
    expect(pdf.info.Subject).toBe(METADATA.subject);
    expect(pdf.info.Keywords).toBe('fisheries, trade policy, ports');
    expect(pdf.info.Author).toBe(METADATA.author);
    expect(pdf.info.Creator).toBe('briefing');
    expect(pdf.info.Producer).toBe('briefing');
    expect(pdfDay(pdf.info.CreationDate)).toBe('2026-11-22');
    expect(pdfDay(pdf.info.ModDate)).toBe('2026-11-22');
    expect(pdf.info.Language).toBe('en-GB');
    expect(pdf.tagged).toBe(true);
    expect(pdf.structured).toBe(true);
    expect(pdf.id).not.toBeNull();

    // Bookmarks from the headings, each pointing at the page its heading is on.
    const sections = pdf.outlinePages.filter((entry) => /^Section \d heading$/.test(entry.title));
    expect(sections).toHaveLength(6);
    for (const entry of sections) {
      expect(pdf.pageTexts[entry.page! - 1]).toContain(entry.title);
    }
    // Every [n] becomes a link to the page where note n is.
    const notesPage = pdf.pageTexts.findIndex((text) => text.includes('Source note 6.')) + 1;
    const internal = pdf.links.flat().filter((link) => link.dest?.startsWith('cite-'));
    expect(internal).toHaveLength(72);
    for (const link of internal) {
      const note = `Source note ${link.dest!.slice('cite-'.length)}.`;
      expect(pdf.pageTexts[link.page! - 1]).toContain(note);
      expect(link.page).toBe(notesPage);
    }
  });

  it('keeps external links as written, relative ones relative', async () => {
    const body =
      '<p><a href="ip-enforcement.html">Sibling page</a> <a href="index.html#themes">Index</a> ' +
      '<a href="https://example.org/report?id=1&amp;v=(2)">External</a></p>';
    const printed = job('links.pdf', body);
    await printer.print(printed);
    const urls = (await readPdf(printed.file)).links.flat().map((link) => link.url);
    expect(urls).toEqual([
      'ip-enforcement.html',
      'index.html#themes',
      'https://example.org/report?id=1&v=(2)',
    ]);
  });

  it("takes the page size from the CSS, and the job's format only when the CSS has none", async () => {
    const a5 = job('a5.pdf', '<p>Small page.</p>', { format: 'Letter' });
    a5.html = html('<p>Small page.</p>').replace('size: A4;', 'size: A5;');
    const letter = job('letter.pdf', '<p>Letter page.</p>', { format: 'Letter' });
    letter.html = html('<p>Letter page.</p>').replace('size: A4;', '');
    await Promise.all([printer.print(a5), printer.print(letter)]);
    expect((await readPdf(a5.file)).pageSizes[0]!.width).toBeCloseTo(419.5, -1);
    expect((await readPdf(letter.file)).pageSizes[0]!.width).toBeCloseTo(612, -1);
  });

  it('prints identical bytes for the same job, whenever it runs', async () => {
    const first = job('same-1.pdf', longBody(), { metadata: METADATA });
    first.html = html(longBody(), { banner: BANNER });
    await printer.print(first);
    // Chromium stamps the current second; make sure it changed.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await printer.print({ ...first, file: join(dir, 'same-2.pdf') });
    const [one, two] = await Promise.all(
      [first.file, join(dir, 'same-2.pdf')].map((f) => readFile(f)),
    );
    expect(Buffer.compare(one!, two!)).toBe(0);
  });

  it('renders to bytes without writing a file', async () => {
    const before = await readdir(dir);
    const bytes = await printer.render({
      html: html('<p>Only in memory.</p>'),
      name: 'in-memory',
      metadata: { title: 'In memory' },
    });
    expect(await readdir(dir)).toEqual(before);
    const pdf = await readPdf(bytes);
    expect(pdf.text).toContain('Only in memory.');
    expect(pdf.info.Title).toBe('In memory');
  });

  it('refuses a metadata date that is not YYYY-MM-DD', async () => {
    const printed = job('bad-date.pdf', '<p>x</p>', {
      metadata: { title: 't', date: '2026-02-30' },
    });
    const error = await printer.print(printed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect((error as Error).message).toMatch(/bad-date\.pdf.*YYYY-MM-DD.*2026-02-30/);
  });

  it('refuses assets outside fonts/', () => {
    const asset = { ...font, path: 'styles/site.css' };
    expect(() => createPrinter({ assets: [asset] })).toThrow(/styles\/site\.css.*fonts/);
    expect(() => createPrinter({ assets: [font, { ...font }] })).toThrow(/Two print assets/);
  });

  it('runs no script from the document', async () => {
    const printed = job(
      'script.pdf',
      '<p>Body text stays.</p>' +
        "<script>document.body.textContent = 'SCRIPT RAN'</script>" +
        '<img src="x" onerror="document.body.textContent = \'HANDLER RAN\'">',
    );
    printed.html = printed.html.replace(
      '<body>',
      '<body onload="document.body.textContent = \'ONLOAD RAN\'">',
    );
    await printer.print(printed);
    const pdf = await readPdf(printed.file);
    expect(pdf.text).toContain('Body text stays.');
    expect(pdf.text).not.toContain('SCRIPT RAN');
    expect(pdf.text).not.toContain('HANDLER RAN');
    expect(pdf.text).not.toContain('ONLOAD RAN');
  });

  it('loads only its fonts: nothing from the network, the file system, data: or its own origin', async () => {
    const secret = join(dir, 'secret.txt');
    await writeFile(secret, 'LOCAL FILE CONTENT');
    const localCss = join(dir, 'local.css');
    await writeFile(localCss, "body::before { content: 'LOCAL CSS LOADED' }");
    const dataCss = encodeURIComponent("body::after { content: 'DATA CSS LOADED' }");
    const dataFrame = encodeURIComponent('<p>DATA FRAME LOADED</p>');
    const head = [
      `<link rel="stylesheet" href="${origin}/style.css">`,
      `<link rel="stylesheet" href="file://${localCss}">`,
      `<link rel="stylesheet" href="data:text/css,${dataCss}">`,
      '<link rel="stylesheet" href="site.css">',
      `<link rel="stylesheet" href="fonts/${FONT_FILE}">`,
      `<link rel="preconnect" href="${origin}/preconnect">`,
      `<link rel="dns-prefetch" href="${origin}/dns-prefetch">`,
      `<link rel="prefetch" href="${origin}/prefetch">`,
      `<link rel="preload" as="style" href="${origin}/preload.css">`,
      `<link rel="icon" href="${origin}/favicon.ico">`,
      `<meta http-equiv="refresh" content="0; url=${origin}/refresh">`,
      '<style>',
      `@import url(${origin}/import.css);`,
      `@font-face { font-family: Remote; src: url(${origin}/font.woff2) }`,
      // Same private origin, outside fonts/ or not there: refused, not served from the assets.
      `@font-face { font-family: Outside; src: url(other/${FONT_FILE}) }`,
      '@font-face { font-family: Missing; src: url(fonts/missing.woff2) }',
      `h1 { font-family: Remote, sans-serif; background: url(${origin}/y) }`,
      'h2 { font-family: Outside, sans-serif } h3 { font-family: Missing, sans-serif }',
      '</style>',
    ].join('\n');
    const body = [
      '<h1>Offline heading</h1><h2>Outside heading</h2><h3>Missing heading</h3>',
      '<p>Offline body text.</p>',
      `<img src="${origin}/x.png" alt="">`,
      `<img srcset="${origin}/srcset.png 2x" alt="">`,
      `<video poster="${origin}/poster.png" src="${origin}/video.mp4"></video>`,
      `<iframe src="${origin}/frame.html"></iframe>`,
      `<iframe src="file://${secret}"></iframe>`,
      `<iframe src="data:text/html,${dataFrame}"></iframe>`,
      '<iframe src="offline.html"></iframe>',
      `<object data="file://${secret}"></object>`,
      `<object data="data:text/html,${dataFrame}"></object>`,
      `<div style="background-image: url(ws://127.0.0.1:1/socket)"></div>`,
    ].join('\n');
    const printed = job('offline.pdf', body);
    printed.html = html(body, { head });
    refused.length = 0;
    await printer.print(printed);
    // Give any stray request that escaped the page time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(hits).toEqual([]);
    expect(connections).toBe(0);
    // The document's CSP stops most of these in the renderer; what gets past it (navigations,
    // a font URL under fonts/ that is not an asset) is refused by the interception.
    expect(refused).toEqual(
      expect.arrayContaining([`${origin}/refresh`, 'https://briefing.invalid/fonts/missing.woff2']),
    );
    expect(refused).not.toContain(`https://briefing.invalid/fonts/${FONT_FILE}`);
    const pdf = await readPdf(printed.file);
    // The refresh did not navigate away: the document printed is the one we set, once.
    expect(count(pdf.text, 'Offline heading')).toBe(1);
    expect(pdf.text).toContain('Offline body text.');
    expect(pdf.text).not.toContain('REMOTE CONTENT LOADED');
    expect(pdf.text).not.toContain('LOCAL CSS LOADED');
    expect(pdf.text).not.toContain('LOCAL FILE CONTENT');
    expect(pdf.text).not.toContain('DATA CSS LOADED');
    expect(pdf.text).not.toContain('DATA FRAME LOADED');
    // The body's font came from the assets; the other faces fell back to system fonts.
    expect(pdf.fonts).toContain('SourceSerif4-Regular');
  });

  it('replaces an existing PDF by rename, never rewriting it in place', async () => {
    const file = join(dir, 'replace', 'report.pdf');
    await printer.print(job('replace/report.pdf', '<p>First version.</p>'));
    const before = await readFile(file);
    // A hard link shares the old file's bytes: an in-place rewrite would change them too.
    const oldCopy = join(dir, 'replace', 'old-link.pdf');
    await link(file, oldCopy);

    await printer.print(job('replace/report.pdf', '<p>Second version.</p>'));
    expect(squash((await readPdf(file)).text)).toContain('Second version.');
    expect(Buffer.compare(await readFile(oldCopy), before)).toBe(0);
    expect((await readdir(join(dir, 'replace'))).sort()).toEqual(['old-link.pdf', 'report.pdf']);
  });

  it('creates missing parent directories', async () => {
    const printed = job('deep/er/still/out.pdf', '<p>Nested output.</p>');
    await printer.print(printed);
    expect((await readPdf(printed.file)).text).toContain('Nested output.');
  });

  it('reports a failed write with the file name, and keeps printing', async () => {
    const blocker = join(dir, 'blocker');
    await writeFile(blocker, 'a file where a directory should be');
    const printed = job('blocker/out.pdf', '<p>Cannot be written.</p>');
    const error = await printer.print(printed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect((error as PrintError).message).toContain(printed.file);
    expect((error as PrintError).file).toBe(printed.file);
    expect((error as PrintError).cause).toBeInstanceOf(Error);
    expect(await readFile(blocker, 'utf8')).toBe('a file where a directory should be');

    const relative = printer.print({ ...printed, file: 'relative.pdf' });
    await expect(relative).rejects.toThrow(/relative\.pdf.*absolute/);

    const next = job('after-failure.pdf', '<p>Still printing.</p>');
    await printer.print(next);
    expect((await readPdf(next.file)).text).toContain('Still printing.');
    expect(printer.launches).toBe(1);
  });

  it('leaves the previous PDF intact when printing fails', async () => {
    const target = join(dir, 'kept', 'report.pdf');
    await printer.print(job('kept/report.pdf', '<p>Previous version.</p>'));
    const previous = await readFile(target);

    // A real executable that is not a browser: the launch itself fails.
    const notABrowser = join(dir, 'not-a-browser');
    await writeFile(notABrowser, '#!/bin/sh\necho "not a browser" >&2\nexit 1\n');
    await chmod(notABrowser, 0o755);
    const broken = createPrinter({ executablePath: notABrowser, timeoutMs: 10_000 });
    try {
      const error = await broken
        .print(job('kept/report.pdf', '<p>Next version.</p>'))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PrintError);
      expect((error as Error).message).toContain(target);
      expect((error as Error).cause).toBeInstanceOf(Error);
      expect(broken.launched).toBe(false);
    } finally {
      await broken.close();
    }
    expect(Buffer.compare(await readFile(target), previous)).toBe(0);
    expect(await readdir(join(dir, 'kept'))).toEqual(['report.pdf']);
    expect((await readPdf(target)).text).toContain('Previous version.');
  });

  it('prints with a browser it was lent, and leaves it running', async () => {
    const browser = await launchBrowser((await findBrowser()).executablePath, 60_000);
    try {
      const lent = createPrinterOn(browser, { assets: [font] });
      const printed = job('lent.pdf', '<p>Printed on a lent browser.</p>');
      await lent.print(printed);
      expect(lent.launched).toBe(true);
      expect(lent.launches).toBe(0);
      await lent.close();
      expect(browser.connected).toBe(true);
      const pdf = await readPdf(printed.file);
      expect(pdf.text).toContain('Printed on a lent browser.');
      expect(pdf.fonts).toContain('SourceSerif4-Regular');
    } finally {
      await browser.close();
    }
  });

  it('passes a missing browser through unwrapped, naming the configured path', async () => {
    const missing = join(dir, 'no-such-browser');
    const unconfigured = createPrinter({ executablePath: missing });
    const error = await unconfigured.print(job('never.pdf', '<p>x</p>')).catch((e: unknown) => e);
    await unconfigured.close();
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as Error).message).toContain(missing);
    expect(unconfigured.launches).toBe(0);
  });
});
