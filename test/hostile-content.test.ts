/**
 * Issue 7: untrusted content stays inert. A corpus whose documents carry raw HTML, scripts,
 * remote, local, `data:` and `ws:` URLs and Handlebars syntax (`test/fixtures/hostile/`) is
 * built with PDFs by the real Chromium while listeners on 127.0.0.1 wait for any request.
 * Nothing may reach them, no local file may leak into an output, no script may run, and the
 * hostile text must come out as text. Templates and config are the trusted side: corpus text is
 * never compiled as a template, and Handlebars' prototype access stays off.
 */
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../src/build.js';
import { loadConfig } from '../src/config/load-config.js';
import type { Briefing, CorpusModel } from '../src/model.js';
import { findBrowser } from '../src/print/find-browser.js';
import { isLinkTarget } from '../src/print/finish-pdf.js';
import { launchBrowser } from '../src/print/launch.js';
import { createPrinter } from '../src/print/print.js';
import { createRenderer } from '../src/render/render.js';
import { readPdf, squash, type PdfContent } from './helpers/pdf.js';
import { fixture, root } from './helpers/paths.js';

const EDITION_DATE = '2026-11-22';
const TEMPLATES = join(root, 'templates');
/** What a script or event handler in the corpus writes into the page if it ever runs. */
const RAN = ['SCRIPT_RAN', 'HANDLER_RAN'];
/** The content of the local file the corpus points `file://` URLs at. */
const SECRET = 'briefing test secret: the vault code is 4417-TANGERINE';
/** Text the listener answers with, should anything ever be loaded from it. */
const REMOTE = 'REMOTE CONTENT LOADED';

/** A listener on 127.0.0.1 that records every connection made to it, and every HTTP request. */
interface Trap {
  port: number;
  heard: string[];
  close(): Promise<void>;
}

async function listen(server: Server, heard: string[]): Promise<Trap> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, heard, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function httpTrap(): Promise<Trap> {
  const heard: string[] = [];
  const server = createServer((request, response) => {
    heard.push(`${request.method} ${request.url}`);
    response.setHeader('content-type', 'text/css');
    response.end(`body::after { content: '${REMOTE}' }`);
  });
  server.on('connection', () => heard.push('http connection'));
  return listen(server, heard);
}

function tcpTrap(): Promise<Trap> {
  const heard: string[] = [];
  return listen(
    createTcpServer((socket) => {
      heard.push('tcp connection');
      socket.destroy();
    }),
    heard,
  );
}

let work: string;
let output: string;
let http: Trap;
let tcp: Trap;
let origin: string;
let passwd: string;
let pdfs: Record<string, PdfContent>;
let pages: Record<string, string>;
let heardByBuild: string[];

/**
 * Runs `run`, waits a moment for any stray request that escaped a page to arrive, and returns
 * every connection or request either listener received meanwhile.
 */
async function heardDuring(run: () => Promise<void>): Promise<string[]> {
  const from = { http: http.heard.length, tcp: tcp.heard.length };
  await run();
  await new Promise((resolve) => setTimeout(resolve, 300));
  return [...http.heard.slice(from.http), ...tcp.heard.slice(from.tcp)];
}

/** The fixture documents with their placeholders filled in, by file name. */
async function hostileDocuments(secretFile: string): Promise<Record<string, string>> {
  const dir = fixture('hostile', 'corpus');
  const fill = (text: string) =>
    text
      .replaceAll('HOSTILE_ORIGIN', origin)
      .replaceAll('HOSTILE_AUTHORITY', `127.0.0.1:${http.port}`)
      .replaceAll('HOSTILE_WS', `ws://127.0.0.1:${tcp.port}`)
      .replaceAll('HOSTILE_SECRET', secretFile);
  const names = (await readdir(dir)).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return Object.fromEntries(names.map((name, i) => [name, fill(texts[i] ?? '')]));
}

/** Every file under `dir` (the web fonts aside), as paths relative to it. */
async function outputFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith('fonts'));
}

/** Writes the hostile corpus, builds it with PDFs, and reads every page and PDF it wrote. */
async function buildHostileCorpus(): Promise<void> {
  work = await mkdtemp(join(tmpdir(), 'briefing-hostile-'));
  http = await httpTrap();
  tcp = await tcpTrap();
  origin = `http://127.0.0.1:${http.port}`;
  passwd = (await readFile('/etc/passwd', 'utf8')).split('\n')[0] ?? '';
  const secretFile = join(work, 'secret.txt');
  await writeFile(secretFile, SECRET);
  const corpus = join(work, 'corpus');
  const documents = await hostileDocuments(secretFile);
  await mkdir(corpus);
  for (const [name, text] of Object.entries(documents)) await writeFile(join(corpus, name), text);
  output = join(work, 'output');
  const config = await loadConfig({
    cwd: root,
    overrides: { corpus, output, editionDate: EDITION_DATE },
  });
  heardByBuild = await heardDuring(async () => {
    await build(config);
  });
  const files = await outputFiles(output);
  pdfs = {};
  pages = {};
  for (const file of files.filter((f) => f.endsWith('.pdf'))) {
    pdfs[file] = await readPdf(join(output, file));
  }
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    pages[file] = await readFile(join(output, file), 'utf8');
  }
}

async function cleanUp(): Promise<void> {
  await http?.close();
  await tcp?.close();
  if (work) await rm(work, { recursive: true, force: true });
}

/** Tags our templates and charts never write: in a page, they could only come from the corpus. */
const FOREIGN_TAGS = new Set([
  'script',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'img',
  'image',
  'use',
  'feimage',
  'foreignobject',
  'link',
  'base',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'form',
  'input',
  'button',
  'textarea',
  'select',
]);

/** Attributes whose value the browser would load or navigate to. */
const URL_ATTRIBUTES = new Set([
  'href',
  'xlink:href',
  'src',
  'srcset',
  'srcdoc',
  'poster',
  'data',
  'action',
  'formaction',
  'background',
  'ping',
  'manifest',
  'codebase',
  'longdesc',
]);

/** The only targets our pages link to: an anchor in the page, or a sibling page or PDF. */
const OWN_TARGET = /^(#[\w-]+|[\w-]+\.(html|pdf))$/;

/**
 * What in a stylesheet could load something: `@import`, `image-set()`, or a `url()` other than
 * our fonts or an in-page `#fragment`. Strings and comments are blanked first: a quoted banner
 * saying `url(http://…)` is text, not a URL.
 */
function cssProblems(css: string): string[] {
  const code = css.replace(/\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, '""');
  const problems: string[] = [];
  if (/@import/i.test(code)) problems.push('@import');
  if (/image-set\(/i.test(code)) problems.push('image-set()');
  for (const [call] of code.matchAll(/url\(\s*[^)]*\)/gi)) {
    if (!/^url\(\s*["']?(fonts\/[\w.-]+|#[\w-]+)["']?\s*\)$/i.test(call)) problems.push(call);
  }
  return problems;
}

/** Everything live in a page that could run script or load something not ours. */
function markupProblems(html: string): string[] {
  const problems: string[] = [];
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? '');
  if (styles.length !== 1) problems.push(`${styles.length} <style> elements`);
  for (const css of styles) problems.push(...cssProblems(css));
  const markup = html.replace(/<style>[\s\S]*?<\/style>/gi, '<style></style>');
  for (const [, name = '', attributes = ''] of markup.matchAll(/<([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    if (FOREIGN_TAGS.has(name.toLowerCase())) problems.push(`<${name}>`);
    const pairs = attributes.matchAll(/([^\s"'=/>]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g);
    for (const [, attribute = '', quoted = ''] of pairs) {
      const key = attribute.toLowerCase();
      const value = decodeEntities(quoted.replace(/^["']|["']$/g, ''));
      if (key.startsWith('on')) problems.push(`${name} ${key}=`);
      if (key === 'http-equiv') problems.push(`<${name} http-equiv=${value}>`);
      if (key === 'style') problems.push(...cssProblems(value));
      if (URL_ATTRIBUTES.has(key) && !OWN_TARGET.test(value)) problems.push(`${key}="${value}"`);
    }
  }
  return problems;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** What a reader of a page sees: its text without the stylesheet, entities decoded. */
function visibleText(html: string): string {
  return squash(
    decodeEntities(html.replace(/<style>[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ')),
  );
}

/** A briefing's edition HTML, rendered from the built model as the edition PDF was. */
async function editionHtml(): Promise<string> {
  const model = JSON.parse(await readFile(join(output, 'model.json'), 'utf8')) as CorpusModel;
  const renderer = await createRenderer(TEMPLATES);
  return renderer.renderEdition(model, { pageNumbers: null, pdf: true });
}

describe('issue 7: a hostile corpus, built with PDFs by a real Chromium', () => {
  beforeAll(buildHostileCorpus, 120_000);
  afterAll(cleanUp);

  it('builds the hostile documents into briefings, the edition PDF included', () => {
    expect(Object.keys(pdfs)).toEqual(expect.arrayContaining(['edition.pdf']));
    const page = visibleText(pages['international-expansion.html'] ?? '');
    // Both documents are quoted, so their hostile paragraphs reach the outputs.
    expect(page).toContain('mexico-notes.md');
    expect(page).toContain('mexico-scraped.txt');
  });

  it('makes no request: the listeners on 127.0.0.1 heard nothing', () => {
    expect(heardByBuild).toEqual([]);
  });

  it('lets no local file into any output (HTML, PDF text, model.json, editions)', async () => {
    expect(passwd).toMatch(/^\w+:/);
    for (const file of await outputFiles(output)) {
      const bytes = await readFile(join(output, file), 'latin1');
      expect(bytes, file).not.toContain(SECRET);
      expect(bytes, file).not.toContain(passwd);
      expect(bytes, file).not.toContain(REMOTE);
    }
    for (const [file, pdf] of Object.entries(pdfs)) {
      expect(pdf.text, file).not.toContain(SECRET);
      expect(pdf.text, file).not.toContain(passwd);
      expect(pdf.text, file).not.toContain(REMOTE);
    }
  });

  it('runs no script: no marker in any PDF, its text or its metadata', () => {
    for (const [file, pdf] of Object.entries(pdfs)) {
      const metadata = JSON.stringify(pdf.info);
      for (const marker of RAN) {
        expect(pdf.text, file).not.toContain(marker);
        expect(metadata, file).not.toContain(marker);
      }
    }
  });

  it('keeps links in the PDFs to the document and its siblings', () => {
    for (const [file, pdf] of Object.entries(pdfs)) {
      const urls = pdf.links.flat().flatMap((link) => (link.url === null ? [] : [link.url]));
      expect(
        urls.filter((url) => !OWN_TARGET.test(url)),
        file,
      ).toEqual([]);
    }
  });

  it('writes the hostile text as text: escaped in the HTML, printed literally in the PDFs', () => {
    const text = Object.values(pages).map(visibleText).join('\n');
    // Front matter and headlines reach the page as they are; paragraphs as ingest reads them.
    const expected = [
      `Promexico courts Alibaba <script>fetch('${origin}/md-title-script')</script> pavilion`,
      `</style><script>fetch('${origin}/md-banner-script')</script>`,
      `Trade desk notes <img src=${origin}/md-source-img>`,
      `Alibaba e-commerce deal <script>fetch('${origin}/txt-headline-script')</script>`,
      "{{constructor.constructor('return process')()}}",
      '{{#with this}}',
    ];
    for (const snippet of expected) expect(text).toContain(snippet);
    for (const file of ['international-expansion.pdf', 'edition.pdf']) {
      const printed = squash(pdfs[file]?.text ?? '');
      expect(printed, file).toContain(`<script>fetch('${origin}/md-title-script')</script>`);
      expect(printed, file).toContain("{{constructor.constructor('return process')()");
    }
  });

  it('writes no live markup from the corpus: no script, frame, remote URL, handler or import', async () => {
    for (const [file, html] of Object.entries(pages))
      expect(markupProblems(html), file).toEqual([]);
    expect(markupProblems(await editionHtml()), 'edition').toEqual([]);
  });

  it('keeps every page inert in a browser with JavaScript on and the network open', async () => {
    const browser = await puppeteer.launch({
      executablePath: (await findBrowser()).executablePath,
      headless: true,
      pipe: true,
      // Tests run as root in CI containers, where Chromium has no sandbox to start.
      args: ['--no-sandbox'],
    });
    const requested: string[] = [];
    const shown: Record<string, unknown> = {};
    try {
      const heard = await heardDuring(async () => {
        for (const file of Object.keys(pages)) {
          const page = await browser.newPage();
          page.on('request', (request) => {
            if (!request.url().startsWith('file:')) requested.push(`${file}: ${request.url()}`);
          });
          await page.goto(pathToFileURL(join(output, file)).href, { waitUntil: 'load' });
        }
      });
      for (const page of (await browser.pages()).filter((p) => p.url().startsWith('file:'))) {
        shown[page.url()] = await page.evaluate('document.title + "\\n" + document.body.innerText');
      }
      expect(heard).toEqual([]);
    } finally {
      await browser.close();
    }
    expect(requested).toEqual([]);
    expect(Object.keys(shown)).toHaveLength(Object.keys(pages).length);
    for (const [url, text] of Object.entries(shown)) {
      for (const marker of RAN) expect(text, url).not.toContain(marker);
    }
  });

  it('prints the raw markup itself without loading or running any of it (defence in depth)', async () => {
    // As if escaping failed: the corpus's markup goes to the printer as it is.
    const documents = await hostileDocuments(join(work, 'secret.txt'));
    const html =
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Raw</title></head>' +
      `<body><p>Printed as given.</p>${Object.values(documents).join('\n<p>')}</body></html>`;
    const refused: string[] = [];
    const printer = createPrinter({ onRefused: (url) => refused.push(url) });
    let bytes: Uint8Array = new Uint8Array();
    const heard = await heardDuring(async () => {
      try {
        bytes = await printer.render({ html, name: 'raw-hostile.pdf' });
      } finally {
        await printer.close();
      }
    });
    expect(heard).toEqual([]);
    // The CSP stops every subresource in the renderer; only navigations (a meta refresh) reach
    // the request interception, which refuses them.
    expect(refused.length).toBeGreaterThan(0);
    for (const url of refused) expect(url).toMatch(/-refresh$|^file:/);
    const pdf = await readPdf(bytes);
    // Chromium writes `<a href="javascript:…">` as a link; the PDF keeps it, disarmed.
    expect(documents['mexico-scraped.txt']).toContain('<a href="javascript:');
    const urls = pdf.links.flat().flatMap((link) => (link.url === null ? [] : [link.url]));
    expect(urls.filter((url) => !isLinkTarget(url))).toEqual([]);
    // No refresh, base or frame navigated away from the document given.
    expect(pdf.text.split('Printed as given.').length - 1).toBe(1);
    for (const marker of [...RAN, SECRET, passwd, REMOTE]) expect(pdf.text).not.toContain(marker);
  });

  it('cuts the browser off the network even in a tab with script on and no interception', async () => {
    // The last layer: the launch flags send every host to "not found" and every request to a
    // dead proxy, loopback included, so a request that slipped past the tab goes nowhere.
    const browser = await launchBrowser((await findBrowser()).executablePath, 30_000);
    let shown: unknown;
    try {
      const page = await browser.newPage();
      const heard = await heardDuring(async () => {
        await page.setContent(
          `<p>Open tab.</p><img src="${origin}/flags-img">` +
            `<link rel="stylesheet" href="${origin}/flags.css">` +
            `<script>fetch('${origin}/flags-fetch').catch(() => {});` +
            `new WebSocket('ws://127.0.0.1:${tcp.port}/flags-socket').onerror = () => {};` +
            `document.body.append(['SCRIPT', 'RAN'].join('_'))</script>`,
          { waitUntil: 'load' },
        );
      });
      shown = await page.evaluate('document.body.innerText');
      expect(heard).toEqual([]);
    } finally {
      await browser.close();
    }
    // The script did run here: what stopped its requests was the network, not a lack of script.
    expect(shown).toContain('SCRIPT_RAN');
  });

  it('keeps PDF links to the web, mail and siblings only: a viewer could run the others', () => {
    const kept = [
      'other.html',
      '#cite-1',
      'index.html#a:b',
      'https://example.org/',
      'mailto:x@y.z',
    ];
    const disarmed = [
      "javascript:fetch('x')",
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'ws://127.0.0.1:1/',
    ];
    expect(kept.filter((url) => !isLinkTarget(url))).toEqual([]);
    expect(disarmed.filter((url) => isLinkTarget(url))).toEqual([]);
  });
});

/** The rendering fixture's briefing with corpus text in every field the reader sees. */
async function briefingWith(text: string): Promise<Briefing> {
  const file = fixture('render', 'briefing.json');
  const briefing = JSON.parse(await readFile(file, 'utf8')) as Briefing;
  const [first, ...rest] = briefing.bottomLine;
  const source = briefing.sources[0];
  const passage = source?.passages[0];
  if (first === undefined || source === undefined || passage === undefined) {
    throw new Error(`${file} needs a bottom line and a quoted source`);
  }
  return {
    ...briefing,
    headline: text,
    bottomLine: [{ ...first, text }, ...rest],
    sources: [{ ...source, title: text, passages: [{ ...passage, text }] }],
  };
}

describe('issue 7: templates are the trusted side', () => {
  const HANDLEBARS = [
    "{{constructor.constructor('return process')()}}",
    '{{{raw-triple-stash}}}',
    "{{#with this}}{{lookup this '__proto__'}}{{/with}}",
    '{{> layout}}',
    '{{@root.title}}',
  ];

  it('shows Handlebars syntax in corpus text literally, never evaluated', async () => {
    const renderer = await createRenderer(TEMPLATES);
    const text = `Officials met. ${HANDLEBARS.join(' ')}`;
    const html = renderer.renderBriefing(await briefingWith(text));
    const shown = visibleText(html);
    expect(shown.split(text).length - 1).toBeGreaterThanOrEqual(3);
    expect(markupProblems(html)).toEqual([]);
  });

  it('enables prototype access nowhere: no source file sets the options', async () => {
    const options = /allowProto(Properties|Methods)ByDefault|allowedProto(Properties|Methods)/;
    const dirs = ['src', 'scripts', 'templates'];
    for (const dir of dirs) {
      const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true });
      for (const entry of entries.filter((e) => e.isFile())) {
        const file = join(entry.parentPath, entry.name);
        expect(await readFile(file, 'utf8'), file).not.toMatch(options);
      }
    }
  });

  it('resolves nothing through the prototype from a template: constructor, __proto__, inherited', async () => {
    const templates = join(await mkdtemp(join(tmpdir(), 'briefing-templates-')), 'templates');
    await cp(TEMPLATES, templates, { recursive: true });
    await writeFile(
      join(templates, 'briefing.hbs'),
      '[{{constructor}}][{{__proto__}}][{{edition.constructor}}][{{edition.inherited}}]' +
        '[{{toString}}][{{valueOf}}][{{hasOwnProperty}}][{{edition.toString}}]' +
        "[{{lookup this 'constructor'}}][{{lookup edition 'inherited'}}]" +
        '[{{#with __proto__}}{{constructor}}{{/with}}][{{#with constructor}}{{name}}{{/with}}]',
    );
    const briefing = await briefingWith('Officials met.');
    // Data, not a method: what allowProtoPropertiesByDefault would let through.
    const inherited = Object.assign(
      Object.create({ inherited: 'PROTOTYPE DATA' }) as object,
      briefing.edition,
    ) as Briefing['edition'];
    // Handlebars says, on stderr, each time it denies such a lookup.
    const denied = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const renderer = await createRenderer(templates);
      const html = renderer.renderBriefing({ ...briefing, edition: inherited });
      expect(html).toBe('[]'.repeat(12));
    } finally {
      denied.mockRestore();
      await rm(join(templates, '..'), { recursive: true, force: true });
    }
  });
});
