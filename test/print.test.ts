import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmod, link, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserNotFoundError } from '../src/print/find-browser.js';
import { PrintError, createPrinter } from '../src/print/print.js';
import type { Printer, PrintJob } from '../src/print/print.js';
import { readPdf, squash } from './helpers/pdf.js';

const BANNER = 'UNCLASSIFIED//FOR OFFICIAL USE ONLY';

let printer: Printer;
let dir: string;
let server: Server;
let origin: string;
const hits: string[] = [];
let connections = 0;

beforeAll(async () => {
  printer = createPrinter();
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

/** A complete HTML document around `body`. */
function html(body: string, options: { title?: string; head?: string } = {}): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${options.title ?? 'HTML title'}</title>`,
    '<style>body { font-family: sans-serif; font-size: 11pt } h1, h2 { color: #124 }</style>',
    options.head ?? '',
    `</head><body>${body}</body></html>`,
  ].join('\n');
}

function job(name: string, body: string, extra: Partial<PrintJob> = {}): PrintJob {
  return {
    html: html(body),
    file: join(dir, name),
    title: `Job ${name}`,
    banner: null,
    ...extra,
  };
}

/** A document long enough to need several A4 pages, with a heading per section. */
function longBody(): string {
  const sections: string[] = [];
  for (let section = 1; section <= 6; section += 1) {
    sections.push(`<h2>Section ${section} heading</h2>`);
    for (let paragraph = 1; paragraph <= 12; paragraph += 1) {
      sections.push(
        `<p>Marker s${section}p${paragraph}. Ministers met on the fisheries dispute again; ` +
          'the talks covered quotas, port access and the inspection regime, and ' +
          'officials expect a further round before the end of the quarter.</p>',
      );
    }
  }
  return `<h1>Weekly briefing</h1>${sections.join('\n')}`;
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe('Printer', () => {
  it('launches lazily, and closes safely when never launched and twice', async () => {
    const idle = createPrinter();
    expect(idle.launched).toBe(false);
    await idle.close();
    await idle.close();
    expect(idle.launched).toBe(false);
    expect(idle.launches).toBe(0);
    await expect(idle.print(job('after-close.pdf', '<p>x</p>'))).rejects.toThrow(/closed/);
  });

  it('prints two jobs with one browser: body, page numbers, banner, title', async () => {
    const long = job('long.pdf', longBody(), {
      title: 'Fisheries — weekly briefing',
      banner: BANNER,
    });
    const short = job('short.pdf', '<h1>Short note</h1><p>Only one page of body text.</p>', {
      title: 'Short note title',
    });
    await Promise.all([printer.print(long), printer.print(short)]);
    expect(printer.launched).toBe(true);
    expect(printer.launches).toBe(1);
    expect(printer.browser?.executablePath).toBeTruthy();

    const longPdf = await readPdf(long.file);
    expect(longPdf.pages).toBeGreaterThan(1);
    expect(longPdf.info.Title).toBe('Fisheries — weekly briefing');
    expect(longPdf.info.Language).toBe('en');
    expect(longPdf.text).toContain('Weekly briefing');
    expect(longPdf.text).toContain('Marker s1p1.');
    expect(longPdf.text).toContain('Marker s6p12.');
    longPdf.pageTexts.forEach((text, index) => {
      // Once in the running header, once in the footer.
      expect(count(text, BANNER)).toBe(2);
      expect(text).toContain(`Page ${index + 1} of ${longPdf.pages}`);
    });
    // The banner sits in the top and bottom margins at a readable size (templates default to 0).
    const { height } = longPdf.pageSizes[0]!;
    const banners = longPdf.pageItems[0]!.filter((item) => item.text.includes(BANNER));
    expect(banners.map((item) => item.y > height / 2).sort()).toEqual([false, true]);
    for (const item of banners) {
      expect(item.y < 72 || item.y > height - 72).toBe(true);
      expect(item.fontSize).toBeGreaterThanOrEqual(7);
    }
    expect(longPdf.tagged).toBe(true);
    expect(longPdf.outline).toContain('Section 6 heading');

    const shortPdf = await readPdf(short.file);
    expect(shortPdf.pages).toBe(1);
    expect(shortPdf.info.Title).toBe('Short note title');
    expect(shortPdf.text).toContain('Only one page of body text.');
    expect(shortPdf.text).toContain('Page 1 of 1');
    expect(shortPdf.text).not.toContain('UNCLASSIFIED');
    // No Chromium default header/footer (title, date, URL) in place of the empty banner.
    expect(shortPdf.text).not.toContain('Short note title');
    expect(shortPdf.text).not.toContain('about:blank');
  });

  it("uses the job's title and language over the HTML's, and escapes the banner", async () => {
    const banner = 'SECRET <b>&amp; "REL" </b>';
    const title = 'Título <&> "quoted" 報告';
    const printed = job('meta.pdf', '<p>Texte du rapport.</p>', { title, banner, lang: 'fr' });
    printed.html = html('<p>Texte du rapport.</p>', { title: 'Not this one' });
    await printer.print(printed);
    const pdf = await readPdf(printed.file);
    expect(pdf.info.Title).toBe(title);
    expect(pdf.info.Language).toBe('fr');
    expect(count(pdf.text, banner.trim())).toBe(2);
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

  it('fetches nothing from the network or the file system', async () => {
    const secret = join(dir, 'secret.txt');
    await writeFile(secret, 'LOCAL FILE CONTENT');
    const localCss = join(dir, 'local.css');
    await writeFile(localCss, "body::before { content: 'LOCAL CSS LOADED' }");
    const head = [
      `<link rel="stylesheet" href="${origin}/style.css">`,
      `<link rel="stylesheet" href="file://${localCss}">`,
      `<link rel="preconnect" href="${origin}/preconnect">`,
      `<link rel="dns-prefetch" href="${origin}/dns-prefetch">`,
      `<link rel="prefetch" href="${origin}/prefetch">`,
      `<link rel="preload" as="style" href="${origin}/preload.css">`,
      `<link rel="icon" href="${origin}/favicon.ico">`,
      `<meta http-equiv="refresh" content="0; url=${origin}/refresh">`,
      '<style>',
      `@import url(${origin}/import.css);`,
      `@font-face { font-family: Remote; src: url(${origin}/font.woff2) }`,
      `h1 { font-family: Remote, sans-serif; background: url(${origin}/y) }`,
      '</style>',
    ].join('\n');
    const body = [
      '<h1>Offline heading</h1><p>Offline body text.</p>',
      `<img src="${origin}/x.png" alt="">`,
      `<img srcset="${origin}/srcset.png 2x" alt="">`,
      `<video poster="${origin}/poster.png" src="${origin}/video.mp4"></video>`,
      `<iframe src="${origin}/frame.html"></iframe>`,
      `<iframe src="file://${secret}"></iframe>`,
      `<object data="file://${secret}"></object>`,
      `<div style="background-image: url(ws://127.0.0.1:1/socket)"></div>`,
    ].join('\n');
    const printed = job('offline.pdf', body);
    printed.html = html(body, { head });
    await printer.print(printed);
    // Give any stray request that escaped the page time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(hits).toEqual([]);
    expect(connections).toBe(0);
    const pdf = await readPdf(printed.file);
    // The refresh did not navigate away: the document printed is the one we set.
    expect(pdf.text).toContain('Offline heading');
    expect(pdf.text).toContain('Offline body text.');
    expect(pdf.text).not.toContain('REMOTE CONTENT LOADED');
    expect(pdf.text).not.toContain('LOCAL CSS LOADED');
    expect(pdf.text).not.toContain('LOCAL FILE CONTENT');
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
